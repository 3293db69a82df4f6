/** Whether output may carry styling escape codes: only on a terminal, never when NO_COLOR is set (no-color.org). */
export function stylesAllowed(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}
