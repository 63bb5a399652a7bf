// What both pages of the playground build their content with: elements, and amounts in USD.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
function money(n) { return usd.format(Number(n)); }
