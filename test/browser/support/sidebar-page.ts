import { hostSidebar, type SidebarView } from './sidebar-host';
import type { LaunchedExtension } from './launch-extension';

/** The sidebar for a thread with one person, `email`, hosted as a mail page hosts it, at a sidebar's size. */
export function openSidebar(ext: LaunchedExtension, email: string): Promise<SidebarView> {
  return hostSidebar(ext, { site: 'gmail', threadId: `thread-of-${email}`, subject: '', participants: [{ name: '', email }] }, { width: 380, height: 720 });
}

/** Waits for the sidebar's problem box and returns its kind and text. */
export async function sidebarProblem(sidebar: SidebarView): Promise<{ kind: string | null; text: string }> {
  const alert = sidebar.locator('[data-problem]');
  await alert.waitFor({ timeout: 20_000 });
  return { kind: await alert.getAttribute('data-problem'), text: (await alert.innerText()).trim() };
}
