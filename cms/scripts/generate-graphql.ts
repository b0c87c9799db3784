/**
 * Writes `cms/schema.graphql` from the Payload config, types sorted so that diffs stay readable.
 * `--out <file>` writes elsewhere (the staleness test compares that with the committed file).
 */
import fs from 'node:fs'

import { printGraphQLSchema } from '../src/graphql-schema'

const outIndex = process.argv.indexOf('--out')
const config = await (await import('../src/payload.config')).default
const file = outIndex > 0 ? (process.argv[outIndex + 1] as string) : config.graphQL.schemaOutputFile
fs.writeFileSync(file, printGraphQLSchema(config))
console.log(`Wrote ${file}`)
process.exit(0)
