import {
  ACTIVITIES,
  BUSINESS_PARKS,
  CITY_TABLE,
  FEMALE_FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  GENERIC_MAILBOXES,
  LAST_NAMES,
  LEGAL_FORMS,
  MALE_FIRST_NAMES,
  PARIS_STREETS,
  REGION_WORDS,
  SALES_REPS_BY_ZONE,
  SCI_NAMES,
  STREETS,
  TRADES,
  type DemoCity,
} from './french-names.ts';
import { createWeightedPicker, mixSeed, permuteIndex, type Rng } from './random.ts';

/** A contact's role (`customer_contact.role`). */
export type DemoContactRole = 'billing' | 'accounts_payable' | 'purchasing' | 'management';

/** A contact before it gets its id. */
export type ContactDraft = { role: DemoContactRole; name: string; email: string; phone: string };

/** Who a customer is: everything on its account page except money and behaviour. */
export type CompanyIdentity = {
  legalName: string;
  siren: string;
  siret: string;
  vatNumber: string;
  billingAddressLine1: string;
  billingPostalCode: string;
  billingCity: string;
  salesRep: string;
  contacts: ContactDraft[];
};

/**
 * The Luhn digit that makes `payload + digit` pass the Luhn check. SIREN (9
 * digits) and SIRET (14 digits) both end with one (INSEE).
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let isDoubled = true;
  for (let index = payload.length - 1; index >= 0; index--) {
    let digit = payload.charCodeAt(index) - 48;
    if (isDoubled) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
    isDoubled = !isDoubled;
  }
  return (10 - (sum % 10)) % 10;
}

// SIREN bodies start with 3–9 as registered companies' do: 7·10^7 of them, handed
// out by a keyed permutation so that no two customers share one.
const SIREN_SPACE = 70_000_000;

/** The `index`-th customer's SIREN: 8 scattered digits and a Luhn check digit. */
export function sirenAt(seed: number, index: number): string {
  const body = String(30_000_000 + permuteIndex(index, SIREN_SPACE, mixSeed(seed, 0x51e)));
  return body + String(luhnCheckDigit(body));
}

/** SIREN + a 4-digit establishment number + the Luhn digit over all 14. */
export function siretFor(siren: string, establishment: number): string {
  const payload = siren + String(establishment).padStart(4, '0');
  return payload + String(luhnCheckDigit(payload));
}

/** French VAT number: `FR`, key = (12 + 3 × (SIREN mod 97)) mod 97 on two digits, SIREN. */
export function vatNumberFor(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** `Menuiserie Lefèvre & Fils` → `menuiserie-lefevre-et-fils`: a plausible domain label. */
export function slugify(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/&/g, ' et ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Trades that read well with a place ("Garage de la Gare"), unlike "Cabinet du Port". */
const PLACE_TRADES = [
  'Transports',
  'Menuiserie',
  'Boulangerie',
  'Garage',
  'Imprimerie',
  'Carrosserie',
  'Ambulances',
  'Boucherie',
  'Fromagerie',
  'Hôtel',
];

const PLACES = [
  'du Centre',
  'de la Gare',
  'du Port',
  'du Lac',
  "de l'Ouest",
  'du Midi',
  'des Halles',
  'du Marché',
  'de la Vallée',
  'du Château',
];

type NamePattern =
  | 'trade_surname'
  | 'surname_activity'
  | 'region_activity'
  | 'family'
  | 'group'
  | 'partners'
  | 'initials'
  | 'trade_place';

type FormTable = readonly (readonly [string, number])[];

const BIG_FORMS: FormTable = [
  ['SA', 30],
  ['SAS', 60],
  ['SARL', 10],
];
const GROUP_FORMS: FormTable = [
  ['SA', 50],
  ['SAS', 50],
];
/** A trade with the founder's name is a shop or a craftsman: SARL and its kin. */
const CRAFT_FORMS: FormTable = [
  ['SARL', 45],
  ['SAS', 20],
  ['EURL', 15],
  ['SASU', 12],
  ['SNC', 3],
];
/** A craft business that grew: "Transports Moreau SAS". */
const BIG_CRAFT_FORMS: FormTable = [
  ['SAS', 50],
  ['SARL', 35],
  ['SA', 15],
];

/**
 * A company's name and legal form. Big accounts are more often groups; small ones
 * carry a trade and the founder's name, as French SMEs do, and have the legal form
 * that goes with it (nobody runs "Boulangerie Martin SA").
 */
function companyName(
  rng: Rng,
  zone: DemoCity['phoneZone'],
  isBig: boolean,
  isInitialsOnly: boolean,
): { core: string; form: string } {
  if (!isBig && !isInitialsOnly && rng.chance(0.015)) {
    return { core: `SCI ${rng.pick(SCI_NAMES)}`, form: 'SCI' };
  }
  const pattern: NamePattern = isInitialsOnly
    ? 'initials'
    : rng.weighted<NamePattern>([
        ['trade_surname', isBig ? 10 : 28],
        ['surname_activity', 22],
        ['region_activity', 14],
        ['family', 8],
        ['group', isBig ? 14 : 2],
        ['partners', 5],
        ['initials', 8],
        ['trade_place', isBig ? 0 : 8],
      ]);
  const isCraft = pattern === 'trade_surname' || pattern === 'trade_place' || pattern === 'family';
  const formTable =
    pattern === 'group'
      ? GROUP_FORMS
      : isCraft
        ? isBig
          ? BIG_CRAFT_FORMS
          : CRAFT_FORMS
        : isBig
          ? BIG_FORMS
          : LEGAL_FORMS;
  const form = rng.weighted(formTable);
  switch (pattern) {
    case 'trade_surname':
      return { core: `${rng.pick(TRADES)} ${rng.pick(LAST_NAMES)}`, form };
    case 'surname_activity':
      return { core: `${rng.pick(LAST_NAMES)} ${rng.pick(ACTIVITIES)}`, form };
    case 'region_activity':
      return { core: `${rng.pick(REGION_WORDS[zone])} ${rng.pick(ACTIVITIES)}`, form };
    case 'family':
      return {
        core: rng.chance(0.5) ? `${rng.pick(LAST_NAMES)} & Fils` : `${rng.pick(LAST_NAMES)} Frères`,
        form,
      };
    case 'group':
      return { core: `Groupe ${rng.pick(LAST_NAMES)}`, form };
    case 'partners':
      return { core: `${rng.pick(LAST_NAMES)} et ${rng.pick(LAST_NAMES)}`, form };
    case 'initials': {
      const letters = 'ABCDEFGHJLMNPRST';
      const count = rng.chance(0.6) ? 3 : 4;
      let initials = '';
      for (let index = 0; index < count; index++) {
        initials += letters.charAt(rng.int(letters.length));
      }
      return { core: `${initials} ${rng.pick(ACTIVITIES)}`, form };
    }
    case 'trade_place':
      return { core: `${rng.pick(PLACE_TRADES)} ${rng.pick(PLACES)}`, form };
  }
}

function streetNumber(rng: Rng): string {
  const bucket = rng.next();
  const number =
    bucket < 0.6 ? rng.between(1, 40) : bucket < 0.9 ? rng.between(41, 120) : rng.between(121, 260);
  const suffix = rng.chance(0.04) ? rng.pick([' bis', ' ter']) : '';
  return `${number}${suffix}`;
}

function phonePair(rng: Rng): string {
  return String(rng.int(100)).padStart(2, '0');
}

/** `+33 1 42 65 78 09`: French numbers in international form, spaced by pairs. */
function landline(switchboard: string, rng: Rng): string {
  return `${switchboard} ${phonePair(rng)}`;
}

function mobile(rng: Rng): string {
  return `+33 ${rng.chance(0.7) ? 6 : 7} ${phonePair(rng)} ${phonePair(rng)} ${phonePair(rng)} ${phonePair(rng)}`;
}

// People's names come from short lists, so their slugs are computed once each.
const nameSlugs = new Map<string, string>();

function nameSlug(name: string, isCompact: boolean): string {
  const key = isCompact ? `${name}/` : name;
  let slug = nameSlugs.get(key);
  if (slug === undefined) {
    slug = isCompact ? slugify(name).replace(/-/g, '') : slugify(name);
    nameSlugs.set(key, slug);
  }
  return slug;
}

/** `Jean-Luc Le Gall` → `jean-luc.legall`. */
function emailLocalPart(first: string, last: string, rng: Rng): string {
  const firstSlug = nameSlug(first, false);
  const lastSlug = nameSlug(last, true);
  const style = rng.next();
  if (style < 0.65) {
    return `${firstSlug}.${lastSlug}`;
  }
  if (style < 0.9) {
    return `${firstSlug.charAt(0)}.${lastSlug}`;
  }
  return `${firstSlug.charAt(0)}${lastSlug}`;
}

const ROLE_TABLE: readonly (readonly [DemoContactRole, number])[] = [
  ['accounts_payable', 40],
  ['billing', 25],
  ['purchasing', 20],
  ['management', 15],
];

/**
 * Who to call: 1–3 contacts. In a small firm the manager pays the bills; a big
 * account has an accounts-payable clerk first. All share the switchboard prefix.
 */
function makeContacts(
  rng: Rng,
  options: { domain: string; switchboard: string; isBig: boolean; isFreeMail: boolean },
): ContactDraft[] {
  const count = rng.weighted<number>(
    options.isBig
      ? [
          [1, 10],
          [2, 40],
          [3, 50],
        ]
      : [
          [1, 45],
          [2, 40],
          [3, 15],
        ],
  );
  const first: DemoContactRole = options.isBig
    ? rng.weighted<DemoContactRole>([
        ['accounts_payable', 70],
        ['billing', 30],
      ])
    : rng.weighted<DemoContactRole>([
        ['management', 40],
        ['billing', 30],
        ['accounts_payable', 30],
      ]);
  const roles: DemoContactRole[] = [first];
  while (roles.length < count) {
    const role = rng.weighted(ROLE_TABLE.filter(([candidate]) => !roles.includes(candidate)));
    roles.push(role);
  }
  const usedLocalParts = new Set<string>();
  return roles.map((role) => {
    const isFemale = rng.chance(role === 'management' ? 0.4 : 0.6);
    const firstName = rng.pick(isFemale ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const isGeneric =
      !options.isFreeMail && (role === 'accounts_payable' || role === 'billing') && rng.chance(0.3);
    let local = isGeneric ? rng.pick(GENERIC_MAILBOXES) : emailLocalPart(firstName, lastName, rng);
    if (usedLocalParts.has(local)) {
      local = `${nameSlug(firstName, false)}.${nameSlug(lastName, true)}`;
    }
    usedLocalParts.add(local);
    const isMobile = (role === 'management' || role === 'purchasing') && rng.chance(0.5);
    return {
      role,
      name: `${firstName} ${lastName}`,
      email: `${local}@${options.domain}`,
      phone: isMobile ? mobile(rng) : landline(options.switchboard, rng),
    };
  });
}

const pickCity = createWeightedPicker(CITY_TABLE);

/**
 * Draws a customer's identity. `usedNames` keeps legal names unique across the
 * ledger (two "Transports Moreau SARL" would confuse a collector); a clash first
 * redraws, then adds the town as French firms do ("Transports Moreau Lyon").
 */
export function makeCompanyIdentity(
  rng: Rng,
  options: { seed: number; index: number; isBig: boolean; usedNames: Set<string> },
): CompanyIdentity {
  const city = pickCity(rng);
  let core = '';
  let form = '';
  let legalName = '';
  // Names clash at size L (100,000 customers, a few thousand likely names): redraw,
  // then add the town as French firms do ("Transports Moreau Lyon"), then fall back
  // to initials ("LMBT Emballages"), whose space is large; a number is the last resort.
  for (let attempt = 0; attempt < 12; attempt++) {
    ({ core, form } = companyName(rng, city.phoneZone, options.isBig, attempt >= 4));
    if (attempt === 3 && form !== 'SCI') {
      core = `${core} ${city.city}`;
    }
    legalName = form === 'SCI' ? core : `${core} ${form}`;
    if (!options.usedNames.has(legalName)) {
      break;
    }
  }
  if (options.usedNames.has(legalName)) {
    legalName = `${legalName} (${options.index + 1})`;
  }
  options.usedNames.add(legalName);

  const isMicro = form === 'EURL' || form === 'SCI' || form === 'SASU';
  const isFreeMail = isMicro && rng.chance(0.25);
  const domain = isFreeMail
    ? rng.pick(FREE_MAIL_DOMAINS)
    : `${slugify(core).slice(0, 40).replace(/-+$/, '')}.${rng.chance(0.8) ? 'fr' : 'com'}`;
  // Geographic numbers rarely start with 0–2 after the zone digit.
  const switchboard = `+33 ${city.phoneZone} ${String(rng.between(30, 99))} ${phonePair(rng)} ${phonePair(rng)}`;

  const siren = sirenAt(options.seed, options.index);
  // Most customers bill to their head office, whose NIC is usually 0001x.
  const establishment = rng.weighted<number>([
    [1, 45],
    [rng.between(2, 9), 35],
    [rng.between(10, 99), 15],
    [rng.between(100, 400), 5],
  ]);
  const isParis = city.city === 'Paris';
  const street = isParis && rng.chance(0.5) ? rng.pick(PARIS_STREETS) : rng.pick(STREETS);
  const line1 = `${streetNumber(rng)} ${street}`;
  return {
    legalName,
    siren,
    siret: siretFor(siren, establishment),
    vatNumber: vatNumberFor(siren),
    // Paris has no business parks; elsewhere many SMEs sit in one.
    billingAddressLine1:
      !isParis && rng.chance(0.14) ? `${rng.pick(BUSINESS_PARKS)}, ${line1}` : line1,
    billingPostalCode: city.postalCode,
    billingCity: city.city,
    salesRep: rng.pick(SALES_REPS_BY_ZONE[city.phoneZone]),
    contacts: makeContacts(rng, { domain, switchboard, isBig: options.isBig, isFreeMail }),
  };
}
