/**
 * Vocabulary for the generated catalogue: French-ish titles with accents, authors,
 * themes and descriptions, drawn with a skewed distribution so that some words are
 * frequent (as "forêt" or "histoire" are in a real library) and others rare.
 */
export const NOUNS = [
  'forêt', 'rivière', 'montagne', 'château', 'jardin', 'mémoire', 'lumière', 'océan', 'île', 'village',
  'histoire', 'voyage', 'chanson', 'cuisine', 'été', 'hiver', 'printemps', 'automne', 'étoile', 'fenêtre',
  'bibliothèque', 'école', 'fête', 'légende', 'conte', 'poème', 'lettre', 'carnet', 'recette', 'guide',
  'cœur', 'âme', 'rêve', 'nuit', 'matin', 'soleil', 'lune', 'mer', 'vent', 'pluie',
  'oiseau', 'loup', 'renard', 'cheval', 'chat', 'abeille', 'baleine', 'hérisson', 'écureuil', 'papillon',
  'ville', 'campagne', 'marché', 'port', 'phare', 'moulin', 'ferme', 'pont', 'chemin', 'sentier',
  'musique', 'peinture', 'théâtre', 'cinéma', 'photographie', 'danse', 'sculpture', 'architecture', 'poésie', 'roman',
  'science', 'mathématiques', 'géographie', 'astronomie', 'botanique', 'chimie', 'médecine', 'santé', 'numérique', 'informatique',
  'démarche', 'impôts', 'retraite', 'emploi', 'logement', 'transport', 'énergie', 'climat', 'eau', 'déchets',
  'enfance', 'famille', 'amitié', 'liberté', 'égalité', 'fraternité', 'république', 'révolution', 'guerre', 'paix',
];

export const ADJECTIVES = [
  'enchantée', 'perdu', 'secret', 'ancienne', 'nouveau', 'grand', 'petite', 'dernier', 'première', 'éternel',
  'sauvage', 'tranquille', 'lointaine', 'oublié', 'illustré', 'pratique', 'complet', 'simple', 'étrange', 'bleue',
  'verte', 'rouge', 'doré', 'noire', 'blanche', 'française', 'bretonne', 'provençale', 'québécoise', 'africaine',
];

export const CONNECTORS = ['de la', 'du', 'des', 'au', 'sous la', 'sur le', 'avec', 'sans', 'pour', 'et'];

export const FIRST_NAMES = [
  'Amélie', 'Benoît', 'Céline', 'Denis', 'Élodie', 'François', 'Gaëlle', 'Hélène', 'Inès', 'Jérôme',
  'Karim', 'Léa', 'Mathéo', 'Noémie', 'Océane', 'Pierre', 'Quentin', 'Raphaël', 'Sébastien', 'Thérèse',
  'Ulysse', 'Valérie', 'William', 'Xavier', 'Yasmine', 'Zoé', 'Anaïs', 'Bérénice', 'Cédric', 'Dorothée',
  'Émile', 'Fanny', 'Gérard', 'Héloïse', 'Ismaël', 'Joëlle', 'Loïc', 'Maëlle', 'Noël', 'Rémi',
];

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Légaré', 'Bélanger', 'Côté', 'Gagné', 'Pelletier', 'Hébert', 'Ménard', 'Séguin', 'Théberge', 'Kervéan',
  'Le Gall', 'Quéré', 'Ollivier', 'Nédélec', 'Fabre', 'Rouvière', 'Astruc', 'Mistral', 'Daudet', 'Pagnol',
];

export const THEMES = [
  'Contes et légendes', 'Nature', 'Histoire', 'Cuisine', 'Voyages', 'Sciences', 'Poésie', 'Jeunesse',
  'Démarches en ligne', 'Santé', 'Musique', 'Arts', 'Bretagne', 'Provence', 'Géographie', 'Philosophie',
  'Théâtre', 'Romans', 'Bandes dessinées', 'Jardinage', 'Bricolage', 'Numérique', 'Emploi', 'Langues',
  'Patrimoine', 'Écologie', 'Sport', 'Cinéma', 'Photographie', 'Mémoires',
];

const DESCRIPTION_WORDS = [
  'un', 'une', 'récit', 'où', 'les', 'enfants', 'découvrent', 'ensemble', 'le', 'la', 'des', 'et', 'qui',
  'traverse', 'raconte', 'comment', 'pendant', 'années', 'ce', 'livre', 'propose', 'pas', 'à', 'pas',
  'expliqué', 'simplement', 'pour', 'tous', 'avec', 'nombreuses', 'illustrations', 'enregistrement',
  'lecture', 'à voix haute', 'extraits', 'notes', 'préface', 'édition', 'libre', 'partagée', 'bénévoles',
  'découverte', 'patrimoine', 'région', 'siècle', 'quotidien', 'souvenirs', 'grand-mère', 'élèves',
  'méthode', 'exercices', 'corrigés', 'débutants', 'écran', 'téléphone', 'ordinateur', 'courriel',
];

/** A small deterministic generator (mulberry32) so every run builds the same catalogue. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks with a mild skew towards the start of the list (a rough Zipf): the first noun,
 * "forêt", ends up in about 6 % of the works, as a common word does in a real library.
 */
export function skewed<T>(rand: () => number, list: readonly T[]): T {
  const index = Math.floor(list.length * rand() ** 1.3);
  return list[Math.min(index, list.length - 1)] as T;
}

export function uniform<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function makeTitle(rand: () => number): string {
  const noun = skewed(rand, NOUNS);
  const shape = rand();
  if (shape < 0.3) return capitalise(`${noun} ${uniform(rand, ADJECTIVES)}`);
  if (shape < 0.7) return capitalise(`${noun} ${uniform(rand, CONNECTORS)} ${skewed(rand, NOUNS)}`);
  if (shape < 0.85) return `La ${noun} ${uniform(rand, ADJECTIVES)}`;
  return capitalise(`${noun}, ${skewed(rand, NOUNS)} et ${skewed(rand, NOUNS)}`);
}

export function makeAuthor(rand: () => number): string {
  return `${uniform(rand, FIRST_NAMES)} ${skewed(rand, LAST_NAMES)}`;
}

export function makeDescription(rand: () => number): string {
  const length = 20 + Math.floor(rand() * 30);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(rand() < 0.1 ? uniform(rand, NOUNS) : uniform(rand, DESCRIPTION_WORDS));
  }
  return `${capitalise(words.join(' '))}.`;
}
