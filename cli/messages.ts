// What the command line says, zh and en side by side: help, usage errors, notes. Chinese by default;
// English with `--lang en` or REPORT_LINT_LANG=en.
import type { Lang, Msg } from '../rules/types';
import { VERSION } from '../node/project';

/** The language of the command line's own messages: `--lang X` / `--lang=X`, else REPORT_LINT_LANG, else zh. */
export function cliLang(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  let v: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') v = argv[i + 1];
    else if (argv[i].startsWith('--lang=')) v = argv[i].slice('--lang='.length);
  }
  v ??= env.REPORT_LINT_LANG;
  return v === 'en' ? 'en' : 'zh';
}

/** `1 warning`, `2 warnings`. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export const pick = (m: Msg, lang: Lang) => (lang === 'en' ? m.en : m.zh);

const HELP_EN = `report-lint ${VERSION}: proofreads Chinese official reports (工作总结, 工作计划, 政府工作报告)

Usage: report-lint [options] FILE|DIR|GLOB...
       report-lint --stdin [--stdin-filename NAME] [options] < report.txt

Inputs
  Directories are searched recursively for .md, .markdown and .txt files; .gitignore and .reportlintignore
  (in the current directory and the repository root) are respected. A file named on the command line is
  always linted. Text may be UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised without), or
  GB18030/GBK. Binary, undecodable and too large files are skipped with a reason and do not change the exit code.
  --encoding NAME          decode files without a byte order mark as utf8, utf16le, utf16be or gb18030 (gbk);
                           --fix writes a file only when its encoding is certain (a BOM, valid UTF-8, GB18030
                           that round-trips, or this option)
  --no-ignore              do not apply .gitignore and .reportlintignore
  --ext LIST               more extensions, e.g. --ext docx (a .docx is read as Word shows it, one line per
                           paragraph; findings say 第N段 / 表N第R行第C列)
  --stdin                  read the report from standard input
  --stdin-filename NAME    its name (decides Markdown or text, and which config applies)

Configuration
  -c, --config FILE        use this config file instead of the nearest .reportlintrc.json
  --no-config-lookup       use built-in defaults (plus --config/--rule), ignore .reportlintrc.json files
  --rule ID:SEVERITY       set a rule's severity (off|info|warning|error); repeatable
  --no-inline-config       ignore report-lint-disable comments
  --print-config FILE      print the configuration that applies to FILE as JSON, and exit

Output
  -f, --format NAME        stylish (default) | json | sarif | github | junit
  -o, --output FILE        write the report to FILE instead of standard output
  --lang zh|en             language of messages and of the command line (default zh; or REPORT_LINT_LANG=en)
  --quiet                  report errors only
  --max-warnings N         exit 1 when there are more than N warnings (counted even with --quiet)

Fixing
  --fix                    write fixes back to the files (atomically; encoding and line endings kept)
  --fix-dry-run            write nothing; print each change --fix would make on stdout, with 20 characters
                           of context, as [-old-]{+new+} (the report goes to --output, or stderr)

Word documents (.docx)
  --review                 for each .docx, write <name>.reviewed.docx beside it (never over an existing file:
                           then <name>.reviewed-2.docx, …): one Word comment per finding, author report-lint
  --track-changes          with --review: fixes (not suggestions) also as tracked changes to accept or reject

Large runs
  --cache                  skip files unchanged since the last run (same content, config and version);
                           not used with --fix
  --cache-location PATH    cache file (default .reportlint-cache in the current directory)
  --shard I/N              lint only shard I of N (files split by a stable hash of their path)
  --concurrency N          threads (default: one per 1,500 files); never more than the CPUs or the files

  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 no error finding; 1 error findings, or more warnings than --max-warnings;
            2 the tool failed (bad arguments or config, missing or unreadable file, no file matched).
`;

const HELP_ZH = `report-lint ${VERSION}：中文公文、工作总结、工作计划、政府工作报告校对工具

用法：report-lint [选项] 文件|目录|通配符...
      report-lint --stdin [--stdin-filename 文件名] [选项] < report.txt

输入
  目录会递归查找 .md、.markdown 和 .txt 文件，并遵守当前目录和仓库根目录下的 .gitignore 与
  .reportlintignore；命令行上直接写出的文件总会检查。文本可以是 UTF-8（有无 BOM 均可）、UTF-16（带 BOM，
  或可识别的无 BOM）或 GB18030/GBK。二进制、无法解码和过大的文件会跳过并说明原因，不影响退出码。
  --encoding 编码          没有字节顺序标记（BOM）的文件按 utf8、utf16le、utf16be 或 gb18030（gbk）解码；
                           只有编码确定（有 BOM、合法 UTF-8、可原样往返的 GB18030，或用了此选项）时
                           --fix 才写回文件
  --no-ignore              不使用 .gitignore 和 .reportlintignore
  --ext 列表               增加扩展名，如 --ext docx（.docx 按 Word 显示的样子读取，每段一行；问题位置写作
                           第N段、表N第R行第C列）
  --stdin                  从标准输入读取报告
  --stdin-filename 文件名  标准输入的文件名（决定按 Markdown 还是纯文本检查，以及适用哪个配置）

配置
  -c, --config 文件        使用此配置文件，而不是最近的 .reportlintrc.json
  --no-config-lookup       只用内置默认值（加上 --config/--rule），忽略 .reportlintrc.json
  --rule 规则:级别         设置规则级别（off|info|warning|error），可重复
  --no-inline-config       忽略文中的 report-lint-disable 注释
  --print-config 文件      以 JSON 输出适用于该文件的配置后退出

输出
  -f, --format 格式        stylish（默认）| json | sarif | github | junit
  -o, --output 文件        把检查结果写入文件，而不是标准输出
  --lang zh|en             提示信息和命令行的语言（默认 zh；也可设环境变量 REPORT_LINT_LANG=en）
  --quiet                  只报告错误
  --max-warnings 数量      警告多于该数量时退出码为 1（--quiet 时也计数）

修复
  --fix                    把修复写回文件（原子写入，保留编码和换行符）
  --fix-dry-run            试运行，不写入文件：在标准输出逐处列出 --fix 将做的修改，前后各带 20 个字的
                           上下文，写作 [-原文-]{+改为+}（检查结果写到 --output，或标准错误）

Word 文档（.docx）
  --review                 为每个 .docx 在旁边写出 <文件名>.reviewed.docx（不覆盖已有文件，改用
                           <文件名>.reviewed-2.docx 等）：每个问题一条 Word 批注，作者 report-lint
  --track-changes          与 --review 同用：把修复（不含建议）同时写成修订，可逐条接受或拒绝

大批量
  --cache                  跳过自上次运行以来未改动的文件（内容、配置和版本都相同）；--fix 时不用
  --cache-location 路径    缓存文件（默认为当前目录下的 .reportlint-cache）
  --shard I/N              只检查 N 份中的第 I 份（按路径的稳定哈希分配）
  --concurrency N          线程数（默认每 1500 个文件一个线程）；不超过 CPU 数和文件数

  -h, --help               显示本帮助
  -v, --version            显示版本号

退出码：0 没有错误级问题；1 有错误级问题，或警告多于 --max-warnings；
        2 工具本身失败（参数或配置有误、文件不存在或无法读取、没有匹配的文件）。
`;

export const helpText = (lang: Lang) => (lang === 'en' ? HELP_EN : HELP_ZH);

/**
 * Skip reasons and file errors come from node/ and the engine in English (the JSON contract keeps them so);
 * the Chinese summary shows them in Chinese. A reason not in the table is shown as it is.
 */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^binary content \(NUL bytes\)$/, () => '二进制内容（含 NUL 字节）'],
  [/^binary content$/, () => '二进制内容'],
  [/^too large \((\d+) bytes, limit (\d+)\)$/, (m) => `文件过大（${m[1]} 字节，上限 ${m[2]}）`],
  [/^too large \((\d+) characters, limit (\d+)\)$/, (m) => `文件过大（${m[1]} 个字符，上限 ${m[2]}）`],
  [/^undecodable: UTF-8 byte order mark, but invalid UTF-8 after it$/, () => '无法解码：有 UTF-8 字节顺序标记（BOM），但其后不是有效的 UTF-8'],
  [/^undecodable: UTF-16 byte order mark, but an odd number of bytes$/, () => '无法解码：有 UTF-16 字节顺序标记（BOM），但字节数为奇数'],
  [/^undecodable: invalid UTF-16(LE|BE) after its byte order mark$/, (m) => `无法解码：字节顺序标记（BOM）之后不是有效的 UTF-16${m[1]}`],
  [
    /^undecodable: invalid UTF-8 \((\d+) bad byte sequences?, the first at character (\d+)\); re-save the file as UTF-8$/,
    (m) => `无法解码：不是有效的 UTF-8（${m[1]} 处错误字节，第一处在第 ${m[2]} 个字符）；请把文件另存为 UTF-8`,
  ],
  [/^undecodable: not UTF-8, UTF-16 with a byte order mark, or GB18030\/GBK text$/, () => '无法解码：既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK 文本'],
  [/^not a readable \.docx \((.*)\)$/, (m) => `不是可读取的 .docx 文件（${m[1]}）`],
  [/^(\.\w+) is not supported: convert to \.docx$/, (m) => `不支持 ${m[1]} 文件：请转换为 .docx`],
  [/^internal error$/, () => '内部错误'],
  [/^cannot read "(.*)": no such file$/, (m) => `无法读取 "${m[1]}"：文件不存在`],
  [/^cannot read "(.*)": permission denied$/, (m) => `无法读取 "${m[1]}"：没有读取权限`],
  [/^cannot read "(.*)": (.*)$/, (m) => `无法读取 "${m[1]}"：${m[2]}`],
  [/^cannot write the fixes to "(.*)": (.*); the file was left unchanged$/, (m) => `无法把修复写入 "${m[1]}"：${m[2]}；文件未改动`],
  [
    /^--fix cannot write \.docx files \("(.*)"\): use --review to get a copy with the findings as Word comments \(and --track-changes for the fixes as tracked changes\)$/,
    (m) => `--fix 不能写入 .docx 文件（"${m[1]}"）：用 --review 得到一份带批注的副本（加 --track-changes 则修复写成修订）`,
  ],
  [/^too large once uncompressed \(more than (\d+) MB; a damaged file or a zip bomb\)$/, (m) => `解压后过大（超过 ${m[1]} MB；文件已损坏，或是压缩炸弹）`],
  [/^encrypted \(password-protected\): save it without a password to check it$/, () => '已加密（有密码保护）：请另存为无密码的文件再检查'],
  [/^encrypted \(password-protected\) or an old binary Word file: save it as a \.docx without a password$/, () => '已加密（有密码保护）或为旧版二进制 Word 文件：请另存为无密码的 .docx'],
  [/^a macro-enabled document \(\.docm\) is not read: save it as a \.docx$/, () => '不读取启用宏的文档（.docm）：请另存为 .docx'],
  [/^cannot write the reviewed copy of "(.*)": (.*)$/, (m) => `无法写出 "${m[1]}" 的审阅副本：${m[2]}`],
];

/** A skip reason or file error (English, from node/ or the engine) in the command line's language. */
export function reasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [re, zh] of REASONS) {
    const m = re.exec(reason);
    if (m) return zh(m);
  }
  return reason;
}
