import { defineMessages, type Lang } from '../i18n/lang.js';

export const portal = defineMessages(
  {
    welcome: 'Bienvenue',
    intro:
      'Des livres, des musiques, des films et des guides, libres et gratuits. Tout est sur cette boîte : pas besoin d’Internet.',
    newest: 'Nouveautés',
    byType: 'Par type',
    byTheme: 'Par thème',
    seeAll: 'Tout voir',
    browseTitle: 'Toutes les œuvres',
    searchTitle: 'Recherche',
    resultsFor: 'Résultats pour «\u00a0{q}\u00a0»',
    'resultCount.one': '{n} résultat',
    'resultCount.other': '{n} résultats',
    'workCount.one': '{n} œuvre',
    'workCount.other': '{n} œuvres',
    'noticeCount.one': '{n} notice',
    'noticeCount.other': '{n} notices',
    'downloadsWeek.one': '{n} téléchargement cette semaine',
    'downloadsWeek.other': '{n} téléchargements cette semaine',
    'activeFilters.one': '{n} filtre choisi',
    'activeFilters.other': '{n} filtres choisis',
    noResults: 'Rien ne correspond. Essayez un autre mot, ou retirez un filtre.',
    articlesTitle: 'Articles des encyclopédies',
    articlesLead: 'Ce ne sont pas des œuvres du catalogue : ils s’ouvrent dans l’encyclopédie.',
    articleIn: 'dans {from}',
    onlyArticles: 'Aucune œuvre du catalogue ne correspond ; voyez les articles ci-dessus.',
    emptySearch: 'Tapez un mot : un titre, un auteur, un thème, ou ce que vous voulez apprendre.',
    noWords:
      'Votre recherche ne contient ni lettre ni chiffre : tapez un mot, par exemple un titre ou un auteur.',
    tooLong:
      'Votre recherche était trop longue : seuls ses {n} premiers caractères ont été utilisés.',
    pastEnd: 'Cette page n’existe pas : la liste s’arrête à la page {pages}.',
    lastPage: 'Aller à la dernière page',
    'kind.work': 'Œuvre',
    'kind.notice': 'Notice pas à pas',
    'kind.parcours': 'Parcours pour apprendre',
    noticesFound: 'Notices pas à pas',
    worksFound: 'Œuvres',
    popular: 'Populaires cette semaine',
    epubHelpAndroid: 'Ouvrir un EPUB sur un téléphone Android',
    epubHelpIphone: 'Ouvrir un EPUB sur un iPhone',
    epubHelpNone:
      'Un EPUB se lit avec une application de lecture (sur iPhone : Livres ; sur Android : une application de lecture gratuite). L’équipe de la bibliothèque peut vous aider.',
    filters: 'Filtrer',
    anyType: 'Tous les types',
    anyLanguage: 'Toutes les langues',
    anyLicence: 'Toutes les licences',
    anyTheme: 'Tous les thèmes',
    type: 'Type',
    language: 'Langue',
    licence: 'Licence',
    theme: 'Thème',
    apply: 'Appliquer',
    sortNew: 'Les plus récentes',
    sortTitle: 'Par titre',
    sort: 'Ordre',
    pagination: 'Pages',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: 'Page {page} sur {pages}',
    by: 'de',
    'role.author': 'auteur',
    'role.translator': 'traduction',
    'role.illustrator': 'illustrations',
    'role.narrator': 'lecture',
    'role.editor': 'édition',
    'role.composer': 'musique',
    'role.photographer': 'photographie',
    'role.director': 'réalisation',
    download: 'Télécharger',
    files: 'Fichiers',
    open: 'Ouvrir dans le navigateur',
    listen: 'Écouter',
    watch: 'Regarder',
    licenceTitle: 'Ce que vous pouvez faire',
    attribution: 'Pour citer cette œuvre',
    copy: 'Copier',
    copied: 'Copié',
    legalText: 'Texte complet de la licence',
    legalOffline: '(à consulter quand vous aurez Internet)',
    source: 'Source',
    published: 'Date de publication',
    added: 'Ajoutée le',
    themes: 'Thèmes',
    pack: 'Collection',
    cover: 'Couverture de «\u00a0{title}\u00a0»',
    aboutTitle: 'Infos pratiques',
    aboutIntro:
      'Cette boîte partage des œuvres libres sur son propre réseau Wi-Fi. Vous pouvez les télécharger et les garder.',
    library: 'Lieu',
    address: 'Adresse',
    hours: 'Horaires',
    contact: 'Contact',
    wifi: 'Réseau Wi-Fi',
    webAddress: 'Adresse à taper dans le navigateur',
    howTo: 'Comment ça marche ?',
    howTo1: 'Connectez votre téléphone au réseau Wi-Fi de la boîte.',
    howTo2: 'Choisissez une œuvre, puis touchez « Télécharger ».',
    howTo3: 'L’œuvre reste sur votre téléphone, même après votre départ.',
    privacyTitle: 'Vie privée',
    privacy1:
      'La boîte ne sait pas qui vous êtes. Elle ne garde ni votre adresse, ni le nom de votre téléphone, ni vos recherches.',
    privacy2:
      'Elle compte seulement des totaux : combien de pages vues, combien de téléchargements par œuvre, combien de recherches.',
    privacy3:
      'Pour compter les visiteurs d’une journée, elle utilise un code secret gardé en mémoire et changé chaque jour. Ce code n’est jamais écrit sur le disque.',
    privacy4:
      'Une recherche n’est gardée que si au moins 3 personnes différentes l’ont tapée le même jour, et seulement comme un nombre.',
    privacy5:
      'Aucun cookie n’est déposé sur votre téléphone. Les totaux sont effacés après 25 mois.',
    size: 'Taille',
  },
  {
    welcome: 'Welcome',
    intro:
      'Books, music, films and guides, free to use and free of charge. Everything is on this box: no Internet needed.',
    newest: 'New',
    byType: 'By type',
    byTheme: 'By theme',
    seeAll: 'See all',
    browseTitle: 'All works',
    searchTitle: 'Search',
    resultsFor: 'Results for “{q}”',
    'resultCount.one': '{n} result',
    'resultCount.other': '{n} results',
    'workCount.one': '{n} work',
    'workCount.other': '{n} works',
    'noticeCount.one': '{n} guide',
    'noticeCount.other': '{n} guides',
    'downloadsWeek.one': '{n} download this week',
    'downloadsWeek.other': '{n} downloads this week',
    'activeFilters.one': '{n} filter chosen',
    'activeFilters.other': '{n} filters chosen',
    noResults: 'Nothing matches. Try another word, or remove a filter.',
    articlesTitle: 'Encyclopaedia articles',
    articlesLead: 'These are not works of the catalogue: they open in the encyclopaedia.',
    articleIn: 'in {from}',
    onlyArticles: 'No work of the catalogue matches; see the articles above.',
    emptySearch: 'Type a word: a title, an author, a theme, or what you want to learn.',
    noWords: 'Your search has no letter or digit: type a word, for example a title or an author.',
    tooLong: 'Your search was too long: only its first {n} characters were used.',
    pastEnd: 'This page does not exist: the list ends at page {pages}.',
    lastPage: 'Go to the last page',
    'kind.work': 'Work',
    'kind.notice': 'Step-by-step guide',
    'kind.parcours': 'Learning path',
    noticesFound: 'Step-by-step guides',
    worksFound: 'Works',
    popular: 'Popular this week',
    epubHelpAndroid: 'Opening an EPUB on an Android phone',
    epubHelpIphone: 'Opening an EPUB on an iPhone',
    epubHelpNone:
      'An EPUB is read with a reading app (on iPhone: Books; on Android: a free reading app). The library team can help you.',
    filters: 'Filter',
    anyType: 'All types',
    anyLanguage: 'All languages',
    anyLicence: 'All licences',
    anyTheme: 'All themes',
    type: 'Type',
    language: 'Language',
    licence: 'Licence',
    theme: 'Theme',
    apply: 'Apply',
    sortNew: 'Newest first',
    sortTitle: 'By title',
    sort: 'Order',
    pagination: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page} of {pages}',
    by: 'by',
    'role.author': 'author',
    'role.translator': 'translation',
    'role.illustrator': 'illustrations',
    'role.narrator': 'narration',
    'role.editor': 'editor',
    'role.composer': 'music',
    'role.photographer': 'photography',
    'role.director': 'director',
    download: 'Download',
    files: 'Files',
    open: 'Open in the browser',
    listen: 'Listen',
    watch: 'Watch',
    licenceTitle: 'What you may do',
    attribution: 'How to credit this work',
    copy: 'Copy',
    copied: 'Copied',
    legalText: 'Full text of the licence',
    legalOffline: '(to read when you have Internet)',
    source: 'Source',
    published: 'Published',
    added: 'Added on',
    themes: 'Themes',
    pack: 'Collection',
    cover: 'Cover of “{title}”',
    aboutTitle: 'Practical information',
    aboutIntro:
      'This box shares free works on its own Wi-Fi network. You can download them and keep them.',
    library: 'Place',
    address: 'Address',
    hours: 'Opening hours',
    contact: 'Contact',
    wifi: 'Wi-Fi network',
    webAddress: 'Address to type in the browser',
    howTo: 'How does it work?',
    howTo1: 'Connect your phone to the box’s Wi-Fi network.',
    howTo2: 'Choose a work, then tap “Download”.',
    howTo3: 'The work stays on your phone, even after you leave.',
    privacyTitle: 'Privacy',
    privacy1:
      'The box does not know who you are. It keeps neither your address, nor your phone’s name, nor your searches.',
    privacy2:
      'It only counts totals: how many pages were seen, how many downloads per work, how many searches.',
    privacy3:
      'To count the visitors of a day, it uses a secret code kept in memory and changed every day. This code is never written to disk.',
    privacy4:
      'A search is kept only if at least 3 different people typed it on the same day, and only as a number.',
    privacy5: 'No cookie is set on your phone. Totals are deleted after 25 months.',
    size: 'Size',
  },
);

export type PortalMessages = (typeof portal)['fr'];

type PluralKey<K> = K extends `${infer B}.other` ? B : never;
/** Messages that come in a `.one` and a `.other` form. */
export type CountKey = PluralKey<keyof PortalMessages>;

/**
 * The plural rule and digit grouping of the box's two languages, written out rather than
 * asked of `Intl.PluralRules` / `toLocaleString`: the first Intl object maps in several MB
 * of ICU data, and the home page (the page a box at rest has served) counts things.
 * French (CLDR): 0 and 1 are singular; English: only 1. Whole numbers are grouped by
 * three with a narrow no-break space (fr) or a comma (en), as Intl does.
 */
function pluralOne(lang: Lang, n: number): boolean {
  return lang === 'fr' ? Math.abs(n) < 2 : n === 1;
}

export function formatCount(lang: Lang, n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString(lang);
  const digits = String(Math.abs(n)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    lang === 'fr' ? '\u202f' : ',',
  );
  return n < 0 ? `-${digits}` : digits;
}

/**
 * A count in words with its real plural: French "0 œuvre", "1 œuvre", "2 œuvres";
 * English "1 work", "0 works".
 *
 * @example counted('fr', 'workCount', 2) // '2 œuvres'
 */
export function counted(lang: Lang, key: CountKey, n: number): string {
  const t = portal[lang];
  const form = pluralOne(lang, n) ? t[`${key}.one`] : t[`${key}.other`];
  return fill(form, { n: formatCount(lang, n) });
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
