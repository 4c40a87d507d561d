import rule from '../../rules/rules/typo-variant';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    '认真交代问题，主动接受组织审查。',
    '向大会提交待审议的议案12件。',
    '大力弘扬新时代劳模精神。',
    '加大药品耗材阳光采购监管力度。',
    '坚决将总书记念兹在兹的民生实事办好。',
    '推动发展转型，提升经济质量。',
    { text: '他在信中交待了有关情况。', options: { allow: ['交待'] } },
  ],
  invalid: [
    { text: '认真交待问题，主动接受组织审查。', errors: [{ text: '交待', message: '交代', severity: 'info' }], output: '认真交代问题，主动接受组织审查。' },
    { text: '大力宏扬新时代劳模精神。', errors: [{ text: '宏扬' }], output: '大力弘扬新时代劳模精神。' },
    { text: '回答问题要直接了当，不绕弯子。', errors: [{ text: '直接了当' }], output: '回答问题要直截了当，不绕弯子。' },
    { text: '文艺汇演节目精采纷呈。', errors: [{ text: '精采' }], output: '文艺汇演节目精彩纷呈。' },
  ],
});
