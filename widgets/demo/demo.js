/* global document, location, getSelection -- a browser script */
// Demo page: under each live example, the snippet that embeds it on another site, with a copy
// button. Snippets are built from the examples themselves, so they cannot drift from them.
const script = `<script src="${new URL('/widgets/etw-widgets.js', location.href).href}"></script>`

const snippetOf = (example) => {
  const copy = example.cloneNode(true)
  // The loader and the widgets note on each tag and mount the space they reserve; that is not the
  // webmaster's.
  for (const reserved of copy.querySelectorAll('[style]')) {
    reserved.style.removeProperty('--etw-n')
    reserved.style.removeProperty('min-block-size')
    if (!reserved.style.length) reserved.removeAttribute('style')
  }
  for (const widget of copy.querySelectorAll('etw-stats, etw-news-feed, etw-events')) {
    // The live widget may sit inside a mounted div; keep what the webmaster wrote.
    if (widget.parentElement?.hasAttribute('data-etw')) {
      widget.parentElement.replaceChildren(...widget.childNodes)
      widget.parentElement.removeAttribute('data-etw-mounted')
    }
  }
  const markup = copy.innerHTML.replace(/^\s*\n/, '').replace(/\s+$/, '')
  const indent = /^ */.exec(markup)?.[0].length ?? 0
  const body = markup
    .split('\n')
    .map((line) => line.slice(Math.min(indent, /^ */.exec(line)[0].length)))
    .join('\n')
  return `${script}\n${body}`
}

for (const example of document.querySelectorAll('[data-demo]')) {
  const figure = document.createElement('div')
  figure.className = 'snippet'
  const pre = document.createElement('pre')
  const code = document.createElement('code')
  code.textContent = snippetOf(example)
  pre.append(code)
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = 'Copy'
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent)
      button.textContent = 'Copied'
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): select the text instead.
      getSelection()?.selectAllChildren(code)
      button.textContent = 'Press Ctrl+C'
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000)
  })
  figure.append(pre, button)
  example.after(figure)
}
