// Camunda Forms speak the installation's language (opsflow.language: a Chinese installation deploys
// forms/zh-CN), but form-js writes its own few texts in English whatever the form says: validation
// messages ("Field is required.") and a select's empty choice ("Select"). On a form whose own
// texts are Chinese they are written in Chinese, so one form does not mix two languages.
const HAN = /\p{Script=Han}/u;
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (.+)\.$/, (n) => `至少输入 ${n} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `最多输入 ${n} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}。`],
  [/^Field must match pattern (.+)\.$/, (p) => `格式不符合要求（${p}）。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的邮箱地址。'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配项'],
  [/^All values selected$/, () => '已全部选择']
];
const TEXTS = '.fjs-form-field-error li, .fjs-select-display, .fjs-dropdownlist-empty';

function chinese(form) {
  return Array.from(form.querySelectorAll('.fjs-form-field-label, .fjs-form-field-text'))
    .some((element) => HAN.test(element.textContent));
}

// The text node itself is rewritten, not the element's content: form-js (Preact) keeps writing into the
// node it made, and a node put in its place would end up next to a fresh English one.
function translate(element) {
  element.childNodes.forEach((node) => {
    if (node.nodeType !== Node.TEXT_NODE) {
      return;
    }
    const text = node.data.trim();
    for (const [pattern, chineseText] of MESSAGES) {
      const match = text.match(pattern);
      if (match) {
        node.data = chineseText(match[1]);
        return;
      }
    }
  });
}

new MutationObserver(() => {
  document.querySelectorAll('.fjs-form').forEach((form) => {
    if (chinese(form)) {
      form.querySelectorAll(TEXTS).forEach(translate);
    }
  });
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
