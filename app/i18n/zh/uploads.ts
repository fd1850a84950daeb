export default {
  hintSingle: "PNG、JPEG、WebP 或 GIF，不超过 5 MB。",
  hint_other: "最多 {{count}} 张图片：PNG、JPEG、WebP 或 GIF，每张不超过 5 MB。也可以直接粘贴截图。",
  field: "图片",
  alt: "第 {{number}} 张图片的描述（给看不到图片的人）",
  altSave: "保存描述",
  altSaved: "描述已保存。",
  altLength: "描述请控制在 200 个字符以内。",
  openFull: "查看第 {{number}} 张图片原图",
  imageOf: "第 {{number}} 张图片",
  pasted_other: "将附上 {{count}} 张粘贴的图片。",
  clearPasted: "移除粘贴的图片",
  refused: {
    not_image: "此文件不是 PNG、JPEG、WebP 或 GIF 图片（或已损坏），未保存任何内容。",
    too_large: "图片超过 5 MB，未保存任何内容。",
    too_many_pixels: "图片像素过多（最多 4000 万像素），未保存任何内容。",
    too_many_files: "最多附上 4 张图片，未保存任何内容。",
  },
};
