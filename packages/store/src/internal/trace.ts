export const t = (label: string) => {
  if (process.env.BB_TRACE) {
    const g = globalThis as { __t?: number }
    const now = performance.now()
    console.error(`  [${label}] ${Math.round(now - (g.__t ?? now))} ms`)
    g.__t = now
  }
}
