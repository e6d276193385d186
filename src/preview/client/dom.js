// The editor's page builds its elements here. Text from the issue (ids, file names, messages)
// only ever becomes text nodes, never markup.

/** An element with attributes, listeners (onclick: fn) and children (strings become text). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

export const byId = (id) => document.getElementById(id);
