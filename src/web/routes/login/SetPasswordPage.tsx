// Placeholder until built.
export function SetPasswordPage() {
  return null;
}
