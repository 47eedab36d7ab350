/** How many vCPU colours there are before they repeat. */
export const VCPU_COLOURS = 12;

/**
 * The panel's style sheet. Colours come from the theme (--vscode-*), with fallbacks close to the dark
 * theme so the page also reads outside VS Code (the headless-Chromium test). Error colour for conflicts.
 */
export const PANEL_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #cccccc); background: var(--vscode-sideBar-background, #252526); margin: 0; padding: 8px; }
h1, h2, h3, h4 { margin: 0; font-weight: 600; }
h1 { font-size: 1.1em; } h2 { font-size: 1em; margin: 10px 0 4px; } h3 { font-size: 1em; } h4 { font-size: .85em; opacity: .8; }
code { font-family: var(--vscode-editor-font-family, monospace); font-size: .92em; }
.muted { opacity: .75; }
.summary { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.facts { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 4px 0 0; }
.facts li, .badge { border: 1px solid var(--vscode-panel-border, #80808059); border-radius: 3px; padding: 0 5px; font-size: .9em; }
.badge.memory { border-color: var(--vscode-charts-green, #89d185); }
.badge.cell { border-color: var(--vscode-charts-purple, #b180d7); }
.badge.conflict, .conflict > .badge { border-color: var(--vscode-errorForeground, #f48771); color: var(--vscode-errorForeground, #f48771); }
.legend { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 4px 0; }
.legend li { border-radius: 3px; padding: 0 5px; font-size: .9em; }
.nodes { display: grid; grid-template-columns: repeat(auto-fit, minmax(132px, 1fr)); gap: 6px; margin-top: 8px; }
.node { border: 1px solid var(--vscode-panel-border, #80808059); border-radius: 4px; padding: 4px; min-width: 0;
  background: var(--vscode-editor-background, #1e1e1e); }
.node.bound { border-color: var(--vscode-charts-green, #89d185); }
.node.conflict { border-color: var(--vscode-errorForeground, #f48771); }
.node > header { display: flex; flex-wrap: wrap; gap: 4px; align-items: baseline; margin-bottom: 4px; }
.socket { border: 1px dashed var(--vscode-panel-border, #80808059); border-radius: 3px; padding: 4px; margin: 4px 0; }
.cores { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 2px; }
.core { display: flex; gap: 1px; border: 1px solid var(--vscode-panel-border, #80808059); border-radius: 3px; padding: 1px; }
.cpu { display: inline-flex; flex-direction: column; align-items: center; justify-content: center; min-width: 2.2em; height: 2.5em;
  border-radius: 2px; background: var(--vscode-input-background, #3c3c3c); font-variant-numeric: tabular-nums; line-height: 1.05; }
.cpu small { font-size: .72em; font-weight: 600; }
.cpu.offline { opacity: .4; text-decoration: line-through; }
.cpu.emulator { outline: 2px dashed var(--vscode-charts-orange, #d18616); outline-offset: -2px; }
.cpu.conflict { outline: 2px solid var(--vscode-errorForeground, #f48771); outline-offset: -2px; }
.cpu small.other { font-weight: 400; opacity: .85; font-size: .62em; }
.cpu.others { background: var(--vscode-editorWidget-background, #2d2d30); border: 1px dotted var(--vscode-descriptionForeground, #9d9d9d); }
.cpu.flagged { background: repeating-linear-gradient(45deg, transparent 0 3px, #f4877140 3px 6px); }
.others ul, ul.key { list-style: none; padding: 0; margin: 0; font-size: .9em; }
.others li { margin: 2px 0; opacity: .85; }
.others li.off { opacity: .6; }
.others .conflict, .conflict-text { color: var(--vscode-errorForeground, #f48771); }
ul.key li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
ul.key .cpu { flex: none; }
.cpu.shared { background: var(--vscode-charts-foreground, #cccccc); color: var(--vscode-editor-background, #1e1e1e); }
.bars { margin-top: 6px; display: grid; grid-template-columns: auto 1fr; gap: 1px 6px; align-items: center; font-size: .85em; }
.bars .meter { grid-column: 1 / -1; }
.bars .value { text-align: right; }
.meter { width: 100%; height: 6px; }
.meter .track { fill: var(--vscode-input-background, #3c3c3c); }
.meter .used { fill: var(--vscode-charts-blue, #3794ff); }
.meter.conflict .used { fill: var(--vscode-errorForeground, #f48771); }
.bars .conflict { color: var(--vscode-errorForeground, #f48771); }
.devices { list-style: none; padding: 0; margin: 6px 0 0; font-size: .9em; }
.devices li { margin: 1px 0; }
.devices .kind { display: inline-block; min-width: 3.2em; font-size: .8em; opacity: .8; }
.devices .assigned { font-weight: 600; }
.devices .conflict { color: var(--vscode-errorForeground, #f48771); }
.conflicts ul, .missing ul { list-style: none; padding: 0; margin: 0; }
.conflicts li { margin: 3px 0; cursor: pointer; border-left: 3px solid var(--vscode-errorForeground, #f48771); padding-left: 5px; }
.conflicts li b { color: var(--vscode-errorForeground, #f48771); }
.missing li { color: var(--vscode-errorForeground, #f48771); }
.empty { padding: 8px 0; }
${vcpuColours()}
`;

/** One background per vCPU, from the theme's chart and terminal colours, repeating after VCPU_COLOURS. */
function vcpuColours(): string {
  const colours = [
    'var(--vscode-charts-blue, #3794ff)',
    'var(--vscode-charts-green, #89d185)',
    'var(--vscode-charts-yellow, #cca700)',
    'var(--vscode-charts-purple, #b180d7)',
    'var(--vscode-terminal-ansiCyan, #11a8cd)',
    'var(--vscode-terminal-ansiMagenta, #bc3fbc)',
    'var(--vscode-terminal-ansiBrightGreen, #23d18b)',
    'var(--vscode-terminal-ansiBrightBlue, #3b8eea)',
    'var(--vscode-terminal-ansiBrightYellow, #f5f543)',
    'var(--vscode-terminal-ansiBrightMagenta, #d670d6)',
    'var(--vscode-terminal-ansiBrightCyan, #29b8db)',
    'var(--vscode-terminal-ansiBlue, #2472c8)',
  ];
  return colours
    .slice(0, VCPU_COLOURS)
    .map((colour, index) => `.v${index} { background: ${colour}; color: var(--vscode-editor-background, #1e1e1e); }`)
    .join('\n');
}
