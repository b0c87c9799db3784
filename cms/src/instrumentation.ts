/**
 * Next calls `register` once when the server starts. Payload is started here rather than on the
 * first request, so migrations, the demo seed and the job runner (scheduled publishing every
 * minute) begin with the process.
 */
export const register = async (): Promise<void> => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }] = await Promise.all([
    import('payload'),
    import('./payload.config'),
  ])
  // Under `src/server.ts` Payload is already running and this returns it; under `next start` it
  // starts Payload with the job runner here.
  await getPayload({ config, cron: true })
}
