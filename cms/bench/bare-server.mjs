// A bare node:http server answering every request with one captured response (status, headers,
// body) and its Content-Length, as the CMS sends it: the ceiling the feed is measured against.
import fs from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const { status, headers, body } = JSON.parse(fs.readFileSync(file, 'utf8'))
const bytes = Buffer.from(body, 'base64')
const head = { ...headers, 'content-length': String(bytes.byteLength) }
createServer((req, res) => {
  res.writeHead(status, head)
  res.end(bytes)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
