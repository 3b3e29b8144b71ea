/** The address the sidebar shows, from `sidebar.html?email=<address>`; null when absent or blank. */
export function emailFromLocation(search: string): string | null {
  const value = new URLSearchParams(search).get('email')?.trim();
  return value ? value : null;
}
