/**
 * Writes `cms/schema.graphql` from the Payload config, sorted so that diffs stay readable.
 * `test/generated.int.spec.ts` fails when the committed file differs from a fresh one.
 */
import fs from 'node:fs'

import { printGraphQLSchema } from '../src/graphql-schema'

const config = await (await import('../src/payload.config')).default
const file = config.graphQL.schemaOutputFile
fs.writeFileSync(file, printGraphQLSchema(config))
console.log(`Wrote ${file}`)
process.exit(0)
