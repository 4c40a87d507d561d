// A short report written for the encoding tests (our own words, not a copy of any real report), with CRLF
// line endings, full-width indentation, a letter-spaced title, characters GBK lacks (so that only GB18030
// encodes it: 䶮, 𠀋) and a few findings with fixes (half-width brackets and commas between Chinese
// characters). gb18030Bytes() is its GB18030 encoding, built here so the tests run without ../shared.
import iconv from 'iconv-lite';

export const GB18030_REPORT = [
  '政 府 工 作 报 告',
  '',
  '——2024年1月10日在示范区第二届人民代表大会第三次会议上',
  '',
  '　　各位代表：',
  '',
  '　　现在，我代表区政府向大会报告工作，请予审议。',
  '',
  '　　一、2023年工作回顾',
  '',
  '　　过去一年，全区地区生产总值增长6.1%,一般公共预算收入完成12.3亿元。',
  '　　(一)产业发展稳步推进。新建厂房8.5万平方米，引进项目21个(其中亿元以上项目6个)。',
  '　　(二)城乡面貌持续改善。䶮山路、𠀋溪桥建成通车，改造老旧小区14个。',
  '',
  '　　二、2024年主要任务',
  '',
  '　　2024年，全区地区生产总值预期增长6%左右。',
  '　　（一）做强实体经济。推动重点企业扩大产能,培育规模以上企业10家。',
  '　　（二）办好民生实事。新增学位1200个，建设社区食堂5处。',
  '',
  '　　各位代表，新的一年任务艰巨，我们将凝心聚力、真抓实干，努力完成全年目标任务！',
  '',
].join('\r\n');

export function gb18030Bytes(text = GB18030_REPORT): Buffer {
  return iconv.encode(text, 'gb18030');
}
