/**
 * Writes the files generated from the feed's contract: `@etw/client`'s types and the components
 * of `docs/openapi.yaml` (see `contract-files.ts`).
 */
import {
  CLIENT_TYPES_FILE,
  OPENAPI_FILE,
  readCommitted,
  renderClientTypes,
  renderOpenApi,
  settingsOf,
  writeGenerated,
} from './contract-files'

const config = await (await import('../src/payload.config')).default
const settings = settingsOf(config)
writeGenerated(CLIENT_TYPES_FILE, await renderClientTypes(settings))
writeGenerated(OPENAPI_FILE, await renderOpenApi(readCommitted(OPENAPI_FILE), settings))
console.log(`Wrote ${CLIENT_TYPES_FILE} and ${OPENAPI_FILE}`)
process.exit(0)
