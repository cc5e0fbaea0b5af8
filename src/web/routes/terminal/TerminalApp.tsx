// Placeholder until the terminal is built.
export function TerminalApp() {
  return <main id="main"><h1>Etäpiste</h1></main>;
}
