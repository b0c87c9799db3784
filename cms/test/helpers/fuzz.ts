import fc from 'fast-check'

/**
 * How the property tests run. `pnpm test` (and CI) runs every property with its committed seed and
 * {@link FUZZ_TEST_RUNS} runs, so two runs of the same commit test the same cases. `pnpm fuzz`
 * (`ETW_FUZZ=explore`) draws a fresh seed per property and runs `ETW_FUZZ_RUNS` (default
 * {@link FUZZ_EXPLORE_RUNS}) cases, to look for what the committed seeds miss; `ETW_FUZZ_SEED`
 * replays one seed.
 */
export interface FuzzSettings {
  explore: boolean
  numRuns: number
  /** The seed of each property: the committed one, `ETW_FUZZ_SEED`, or a fresh one. */
  seedFor: (committed: number) => number
}

/** Runs per property in `pnpm test`. */
export const FUZZ_TEST_RUNS = 1_000

/** Runs per property in `pnpm fuzz`, unless `ETW_FUZZ_RUNS` says otherwise. */
export const FUZZ_EXPLORE_RUNS = 20_000

const integerFrom = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${text}".`)
  return value
}

export const fuzzSettings = (env: NodeJS.ProcessEnv = process.env): FuzzSettings => {
  const explore = env.ETW_FUZZ === 'explore'
  const replay = integerFrom('ETW_FUZZ_SEED', env.ETW_FUZZ_SEED)
  const runs = integerFrom('ETW_FUZZ_RUNS', env.ETW_FUZZ_RUNS)
  return {
    explore,
    numRuns: runs ?? (explore ? FUZZ_EXPLORE_RUNS : FUZZ_TEST_RUNS),
    seedFor: (committed) => replay ?? (explore ? (Math.random() * 2 ** 32) ^ 0 : committed),
  }
}

/** A shrunk counterexample, as it goes into the regression list. */
export interface FuzzFailure<T> {
  seed: number
  path: string | undefined
  numRuns: number
  counterexample: T
}

/**
 * Runs `property` with `seed` and `numRuns`, printing the seed first. A failure prints the seed,
 * the replay path and the shrunk case as a regression entry to paste, then throws fast-check's
 * own report.
 */
export const checkProperty = async <T>(
  label: string,
  property: fc.IAsyncPropertyWithHooks<[T]>,
  { seed, numRuns }: { seed: number; numRuns: number },
  toRegression: (failure: FuzzFailure<T>) => string,
): Promise<void> => {
  console.info(`[fuzz] ${label}: seed ${seed}, ${numRuns} runs`)
  const details = await fc.check(property, { seed, numRuns })
  if (!details.failed) {
    console.info(`[fuzz] ${label}: ${details.numRuns} runs passed (seed ${seed})`)
    return
  }
  const failure: FuzzFailure<T> = {
    seed,
    path: details.counterexamplePath ?? undefined,
    numRuns: details.numRuns,
    counterexample: details.counterexample![0],
  }
  console.error(
    `[fuzz] ${label} failed after ${failure.numRuns} runs: seed ${seed}, path "${failure.path}".\n` +
      `Add this case to cms/test/fuzz-regressions.ts:\n${toRegression(failure)}`,
  )
  throw new Error(fc.defaultReportMessage(details))
}
