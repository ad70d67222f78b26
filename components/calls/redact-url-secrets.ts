// Webhook URLs carry Callboard's secret as ?token= (see the Connect page); Voxia echoes the URL back in
// every delivery. The page shows the URL but not the secret, so a screen share does not leak it.
export function redactUrlSecrets(text: string): string {
  return text.replace(/([?&](?:token|secret|key|api_key|apikey|access_token)=)[^&"'\s]+/gi, "$1•••");
}
