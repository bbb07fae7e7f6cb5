import type { EntryState } from '../watch/queue.js';
import type { SignatureState } from '../trust/signature.js';

export function mo(bytes: number): string {
  if (bytes >= 1_000_000_000)
    return `${(bytes / 1_000_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`;
  return `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

export const STATE_LABELS: Record<EntryState, string> = {
  checking: 'Vérification',
  waiting: 'En attente de votre accord',
  queued: "En file d'attente",
  importing: 'Import en cours',
  imported: 'Importé',
  unchanged: 'Déjà installé',
  older: 'Version plus ancienne',
  rejected: 'Refusé par les contrôles',
  failed: "Échec de l'import",
  refused: 'Refusé par vous',
  removed: 'Clé retirée',
};

export const SIGNATURE_LABELS: Record<SignatureState, string> = {
  none: 'non signé',
  valid: 'signé par une clé de confiance',
  untrusted: 'signé par une clé inconnue de la boîte',
  invalid: 'signature invalide (contenu modifié après signature)',
};

export const PHASE_LABELS = {
  checking: 'vérification',
  copying: 'copie',
  verifying: 'contrôle des empreintes',
  switching: 'mise en service',
  done: 'terminé',
} as const;

export const ORIGIN_LABELS = {
  bundled: 'fourni avec la boîte',
  usb: 'clé USB',
  upload: 'envoi',
  local: 'fonds local',
  network: 'réseau de boîtes',
} as const;

/** Messages after a form was handled (redirect with ?msg=…): fixed texts, nothing echoed. */
export const FLASH: Record<string, string> = {
  approved: "Pack approuvé : l'import commence.",
  uploaded:
    'Pack reçu : la boîte le vérifie ; il apparaît dans la liste des packs détectés, avec la suite à donner.',
  rejected: 'Pack refusé : il ne sera pas importé.',
  cleared: 'Les lignes terminées ont été effacées.',
  removed: 'Le pack a été retiré : ses œuvres ne sont plus dans le catalogue.',
  'key-added': 'Clé ajoutée : les packs signés avec elle seront importés sans vous demander.',
  'key-removed': 'Clé retirée de la liste de confiance.',
  publishing: 'Publication lancée : les fichiers rejoignent le fonds local.',
  exported:
    "Pack exporté sur la clé. Attendez la fin de l'écriture avant de la retirer (éjectez-la proprement).",
};
