import { escapeXml, frenchSpaces } from './epub.js';
import { CREAM, INK, MOTIFS, lantern, phone, wifi } from './art/motifs.js';

/**
 * Our printable documents, as HTML for Chromium's print-to-PDF: A4, 14 pt and more,
 * sans-serif, left aligned, a picture beside each step (see docs on e-notices).
 */
const PRINT_CSS = `@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 14pt; line-height: 1.5; color: ${INK}; }
h1 { font-size: 26pt; line-height: 1.2; margin: 0 0 4mm; }
p.lead { font-size: 15pt; margin: 0 0 6mm; }
ol.steps { list-style: none; padding: 0; margin: 0; }
ol.steps li { display: flex; align-items: center; gap: 8mm; border: 0.7mm solid ${INK}; border-radius: 5mm; padding: 3.5mm 6mm; margin-bottom: 4mm; break-inside: avoid; }
.num { flex: none; width: 16mm; height: 16mm; border-radius: 50%; background: #f6c445; border: 0.7mm solid ${INK}; font-size: 22pt; font-weight: bold; display: flex; align-items: center; justify-content: center; }
.pic { flex: none; width: 28mm; height: 28mm; }
.pic svg { width: 100%; height: 100%; }
.step-text strong { display: block; font-size: 16pt; margin-bottom: 1mm; }
.note { background: #fff6db; border-left: 2mm solid #d99a00; padding: 3mm 6mm; margin-top: 5mm; break-inside: avoid; }
footer { margin-top: 6mm; font-size: 11pt; color: #3b4a66; }
.nowrap { white-space: nowrap; }
`;

function icon(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" aria-hidden="true">${body}</svg>`;
}

interface Step {
  title: string;
  text: string;
  picture: string;
}

function stepsList(steps: Step[]): string {
  return `<ol class="steps">${steps
    .map(
      (s, i) =>
        `<li><span class="num" aria-hidden="true">${i + 1}</span><span class="pic">${icon(s.picture)}</span><span class="step-text"><strong>${escapeXml(s.title)}</strong>${escapeXml(s.text)}</span></li>`,
    )
    .join('')}</ol>`;
}

function document(title: string, body: string): string {
  // Text only: the HTML has no space before a colon, so French spacing cannot break a tag.
  const typed = frenchSpaces(body).replace(/Wi-Fi/g, '<span class="nowrap">Wi-Fi</span>');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>${PRINT_CSS}</style></head><body>${typed}</body></html>`;
}

const browserIcon = `<rect x="40" y="70" width="320" height="260" rx="24" fill="#e6ecf5" stroke="${INK}" stroke-width="12"/>
<rect x="70" y="105" width="260" height="60" rx="30" fill="#fff" stroke="${INK}" stroke-width="10"/>
<rect x="80" y="195" width="110" height="105" rx="8" fill="#f6c445" stroke="${INK}" stroke-width="10"/>
<rect x="210" y="195" width="110" height="105" rx="8" fill="#bfe3d0" stroke="${INK}" stroke-width="10"/>`;

export const FICHE_TITLE = 'Fiche pratique : se connecter à Lanterne';

export function ficheConnexion(): string {
  const steps: Step[] = [
    {
      title: 'Ouvrir les réglages Wi-Fi',
      text: 'Sur votre téléphone, ouvrez « Réglages » ou « Paramètres », puis touchez « Wi-Fi ».',
      picture: wifi(),
    },
    {
      title: 'Choisir le réseau « Lanterne »',
      text: 'Touchez le nom du réseau de la bibliothèque. Il n’y a pas de mot de passe.',
      picture: lantern(true),
    },
    {
      title: 'Ouvrir le navigateur',
      text: 'Ouvrez Chrome, Firefox ou Safari. Tapez l’adresse lanterne.lan en haut de l’écran.',
      picture: browserIcon,
    },
    {
      title: 'Choisir et télécharger',
      text: 'Touchez une œuvre, puis le bouton « Télécharger ». Le fichier reste sur votre téléphone.',
      picture: phone(),
    },
  ];
  return document(
    FICHE_TITLE,
    `<h1>Se connecter à Lanterne</h1>
<p class="lead">Lanterne est la boîte de la bibliothèque. Elle a son propre Wi-Fi, sans Internet. Vous y trouvez des livres, des sons, des images et des notices, gratuits et libres.</p>
${stepsList(steps)}
<div class="note"><strong>Une petite fenêtre s’est ouverte toute seule ?</strong> Fermez-la et ouvrez votre navigateur habituel : cette petite fenêtre ne sait pas télécharger.</div>
<footer>« ${escapeXml(FICHE_TITLE)} », Projet Lanterne, CC BY-SA 4.0. Vous pouvez copier, imprimer et modifier cette fiche.</footer>`,
  );
}

export const AFFICHE_TITLE = 'Affiche : la bibliothèque a sa Lanterne';

/** A poster the library can print and pin up near the box. */
export function afficheLanterne(): string {
  return document(
    AFFICHE_TITLE,
    `<div style="background:${INK};color:#fff;border-radius:6mm;padding:10mm 10mm 6mm;display:flex;align-items:center;gap:8mm">
<div style="width:55mm;height:55mm;flex:none">${icon(lantern(true))}</div>
<div><p style="margin:0;font-size:18pt">Ici, la bibliothèque a sa</p><p style="margin:0;font-size:44pt;font-weight:bold;line-height:1.1">Lanterne</p>
<p style="margin:2mm 0 0;font-size:16pt">Des livres, des sons et des images à emporter sur votre téléphone. Gratuit, libre, sans compte.</p></div></div>
<div style="background:${CREAM};border-radius:6mm;padding:8mm 10mm;margin-top:8mm">
<p style="margin:0 0 4mm;font-size:24pt;font-weight:bold">1. Wi-Fi : « Lanterne »</p>
<p style="margin:0 0 4mm;font-size:24pt;font-weight:bold">2. Adresse : lanterne.lan</p>
<p style="margin:0;font-size:24pt;font-weight:bold">3. Choisissez, téléchargez !</p></div>
<div style="display:flex;justify-content:space-around;margin-top:8mm">
${['openBook', 'headphones', 'film', 'checklist'].map((m) => `<div style="width:30mm;height:30mm">${icon(MOTIFS[m as keyof typeof MOTIFS]())}</div>`).join('')}</div>
<p style="font-size:16pt;margin-top:8mm">Pas d’Internet, pas de publicité : la boîte ne sait pas qui vous êtes. Toutes les œuvres sont sous licence libre : vous pouvez les garder et les partager.</p>
<p style="font-size:16pt">Besoin d’aide ? Demandez à l’accueil.</p>
<footer>« ${escapeXml(AFFICHE_TITLE)} », Projet Lanterne, CC0 1.0 : imprimez-la, adaptez-la librement.</footer>`,
  );
}
