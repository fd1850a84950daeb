export default {
  mode: "编辑或预览",
  write: "编辑",
  preview: "预览",
  loading: "正在生成预览…",
  failed: "无法加载预览，你的文字没有改变。",
  empty: "还没有可预览的内容。",
  previewPageHint: "这就是你的文字发布后的样子。关闭此标签页即可回到表单，文字仍在。",
  help: {
    title: "格式帮助",
    bold: "粗体",
    italic: "斜体",
    link: "链接文字",
    list: "列表项",
    quote: "引用",
    html: "HTML 和脚本会被移除；链接在新芽之外打开。",
  },
};
