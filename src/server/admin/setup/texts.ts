/** Where the animateur opens the set-up page, from a phone or computer on the box's Wi-Fi. */
export function setupUrlOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/setup`;
}

export interface SetupWhere {
  code: string;
  setupUrl: string;
  wifiName: string;
}

/** The file written at the root of a USB stick: plain French, Windows line ends (Notepad). */
export function stickText({ code, setupUrl, wifiName }: SetupWhere): string {
  return [
    'Lanterne : code de mise en service',
    '',
    `Code : ${code}`,
    '',
    'Pour choisir le mot de passe animateur :',
    `1. Connectez un téléphone ou un ordinateur au Wi-Fi « ${wifiName} ».`,
    `2. Ouvrez l'adresse ${setupUrl} dans son navigateur.`,
    '3. Tapez ce code, puis choisissez le mot de passe (deux fois).',
    '',
    "Ce code ne sert qu'une fois. Dès que le mot de passe est choisi, il ne vaut plus rien",
    'et la boîte efface ce fichier si la clé est encore branchée.',
    "Gardez cette clé à l'abri tant que le mot de passe n'est pas choisi.",
    '',
  ].join('\r\n');
}

/**
 * The text shown above the login prompt on a screen plugged into the box (agetty reads
 * /etc/issue.d/*.issue; deploy links one there). agetty treats a backslash as an escape:
 * none may appear, so names typed in the settings are stripped of it.
 */
export function consoleText({ code, setupUrl, wifiName }: SetupWhere): string {
  const plain = (s: string) => s.replace(/[\\\p{C}]/gu, '');
  return [
    '',
    '  Lanterne : code de mise en service',
    `    ${code}`,
    `  Sur un téléphone connecté au Wi-Fi « ${plain(wifiName)} »,`,
    `  ouvrez ${plain(setupUrl)} et tapez ce code.`,
    '  (Ce message disparaît quand le mot de passe est choisi ; touche Entrée pour rafraîchir.)',
    '',
    '',
  ].join('\n');
}
