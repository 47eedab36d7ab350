// @ts-check
import { scenario } from '/work/main/test/e2e/workbench.mjs';
scenario('explore host panel', { 'guest.xml': 'examples/tuned-guest.xml' }, async (workbench) => {
  await workbench.openFile('guest.xml');
  const frame = await workbench.openWebview('virt-tune', 'Host');
  await workbench.page.waitForTimeout(3000);
  console.log((await frame.locator('body').innerText()).slice(0, 800));
  await workbench.screenshot('explore-host-panel');
});
