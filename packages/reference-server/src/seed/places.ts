// Plausible English towns with their real postcode areas and districts. Street names, house numbers
// and inward codes are drawn at random, so addresses look right but are synthetic.
import type { Random } from './random.ts';

export interface Town {
  name: string;
  county: string | null;
  /** Outward codes the town's postcodes start with, e.g. "GL1". */
  districts: readonly string[];
}

export interface Region {
  /** Names a trust in the region, e.g. "Severn Vale". */
  trustName: string;
  towns: readonly Town[];
}

const range = (area: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${area}${from + i}`);

export const regions: readonly Region[] = [
  {
    trustName: 'Severn Vale',
    towns: [
      { name: 'Gloucester', county: 'Gloucestershire', districts: range('GL', 1, 4) },
      { name: 'Cheltenham', county: 'Gloucestershire', districts: range('GL', 50, 53) },
      { name: 'Stroud', county: 'Gloucestershire', districts: ['GL5', 'GL6'] },
      { name: 'Tewkesbury', county: 'Gloucestershire', districts: ['GL20'] },
      { name: 'Cirencester', county: 'Gloucestershire', districts: ['GL7'] },
    ],
  },
  {
    trustName: 'Wye and Teme',
    towns: [
      { name: 'Worcester', county: 'Worcestershire', districts: range('WR', 1, 5) },
      { name: 'Hereford', county: 'Herefordshire', districts: range('HR', 1, 4) },
      { name: 'Malvern', county: 'Worcestershire', districts: ['WR13', 'WR14'] },
      { name: 'Kidderminster', county: 'Worcestershire', districts: ['DY10', 'DY11'] },
    ],
  },
  {
    trustName: 'Avon and Mendip',
    towns: [
      { name: 'Bristol', county: null, districts: range('BS', 1, 16) },
      { name: 'Bath', county: 'Somerset', districts: ['BA1', 'BA2'] },
      { name: 'Weston-super-Mare', county: 'Somerset', districts: range('BS', 22, 24) },
      { name: 'Taunton', county: 'Somerset', districts: ['TA1', 'TA2', 'TA3'] },
    ],
  },
  {
    trustName: 'Aire and Calder',
    towns: [
      { name: 'Leeds', county: 'West Yorkshire', districts: range('LS', 1, 17) },
      { name: 'Bradford', county: 'West Yorkshire', districts: range('BD', 1, 10) },
      { name: 'Wakefield', county: 'West Yorkshire', districts: range('WF', 1, 4) },
      { name: 'Huddersfield', county: 'West Yorkshire', districts: range('HD', 1, 5) },
      { name: 'Halifax', county: 'West Yorkshire', districts: range('HX', 1, 3) },
    ],
  },
  {
    trustName: 'Irwell Valley',
    towns: [
      { name: 'Manchester', county: 'Greater Manchester', districts: range('M', 1, 40) },
      { name: 'Salford', county: 'Greater Manchester', districts: ['M5', 'M6', 'M7'] },
      { name: 'Bolton', county: 'Greater Manchester', districts: range('BL', 1, 3) },
      { name: 'Stockport', county: 'Greater Manchester', districts: range('SK', 1, 4) },
      { name: 'Oldham', county: 'Greater Manchester', districts: range('OL', 1, 9) },
    ],
  },
  {
    trustName: 'Black Country and Arden',
    towns: [
      { name: 'Birmingham', county: 'West Midlands', districts: range('B', 1, 45) },
      { name: 'Wolverhampton', county: 'West Midlands', districts: range('WV', 1, 14) },
      { name: 'Coventry', county: 'West Midlands', districts: range('CV', 1, 6) },
      { name: 'Walsall', county: 'West Midlands', districts: range('WS', 1, 5) },
      { name: 'Dudley', county: 'West Midlands', districts: range('DY', 1, 3) },
    ],
  },
  {
    trustName: 'Thames Gateway',
    towns: [
      { name: 'London', county: null, districts: ['SE13', 'SE6', 'SE4', 'E8', 'E5', 'N16', 'NW1', 'NW5', 'SW9', 'SW2', 'E15', 'E17'] },
      { name: 'Croydon', county: null, districts: ['CR0', 'CR2', 'CR7'] },
      { name: 'Ilford', county: null, districts: ['IG1', 'IG2', 'IG3'] },
      { name: 'Harrow', county: null, districts: ['HA1', 'HA2', 'HA3'] },
    ],
  },
  {
    trustName: 'Medway and Weald',
    towns: [
      { name: 'Maidstone', county: 'Kent', districts: ['ME14', 'ME15', 'ME16'] },
      { name: 'Canterbury', county: 'Kent', districts: ['CT1', 'CT2'] },
      { name: 'Ashford', county: 'Kent', districts: ['TN23', 'TN24', 'TN25'] },
      { name: 'Dartford', county: 'Kent', districts: ['DA1', 'DA2'] },
    ],
  },
  {
    trustName: 'Tyne and Wear',
    towns: [
      { name: 'Newcastle upon Tyne', county: 'Tyne and Wear', districts: range('NE', 1, 7) },
      { name: 'Sunderland', county: 'Tyne and Wear', districts: range('SR', 1, 6) },
      { name: 'Durham', county: 'County Durham', districts: ['DH1'] },
      { name: 'Gateshead', county: 'Tyne and Wear', districts: range('NE', 8, 11) },
    ],
  },
  {
    trustName: 'Tamar and Exe',
    towns: [
      { name: 'Exeter', county: 'Devon', districts: range('EX', 1, 4) },
      { name: 'Plymouth', county: 'Devon', districts: range('PL', 1, 9) },
      { name: 'Truro', county: 'Cornwall', districts: ['TR1'] },
      { name: 'Torquay', county: 'Devon', districts: ['TQ1', 'TQ2'] },
    ],
  },
  {
    trustName: 'Fens and Broads',
    towns: [
      { name: 'Norwich', county: 'Norfolk', districts: range('NR', 1, 7) },
      { name: 'Ipswich', county: 'Suffolk', districts: range('IP', 1, 4) },
      { name: 'Cambridge', county: 'Cambridgeshire', districts: range('CB', 1, 5) },
      { name: 'Peterborough', county: 'Cambridgeshire', districts: range('PE', 1, 4) },
    ],
  },
  {
    trustName: 'Mersey and Dee',
    towns: [
      { name: 'Liverpool', county: 'Merseyside', districts: range('L', 1, 25) },
      { name: 'Birkenhead', county: 'Merseyside', districts: range('CH', 41, 49) },
      { name: 'St Helens', county: 'Merseyside', districts: ['WA9', 'WA10', 'WA11'] },
      { name: 'Southport', county: 'Merseyside', districts: ['PR8', 'PR9'] },
    ],
  },
  {
    trustName: 'Trent and Soar',
    towns: [
      { name: 'Nottingham', county: 'Nottinghamshire', districts: range('NG', 1, 11) },
      { name: 'Leicester', county: 'Leicestershire', districts: range('LE', 1, 5) },
      { name: 'Derby', county: 'Derbyshire', districts: range('DE', 21, 24) },
      { name: 'Mansfield', county: 'Nottinghamshire', districts: ['NG18', 'NG19'] },
    ],
  },
];

const streetNames = [
  'Church', 'Station', 'Victoria', 'Mill', 'Park', 'High', 'Queens', 'Kings', 'Manor', 'Orchard', 'Chestnut', 'Willow',
  'Meadow', 'Grange', 'Springfield', 'Beech', 'Oak', 'Highfield', 'Windsor', 'Albert', 'York', 'Brook', 'Hawthorn', 'Elm',
  'Farm', 'Green', 'School', 'Castle', 'Bridge', 'New', 'West', 'North', 'Riverside', 'Abbey', 'Cedar', 'Holly',
] as const;
const streetKinds = ['Road', 'Street', 'Lane', 'Close', 'Avenue', 'Drive', 'Way', 'Crescent', 'Gardens', 'Court', 'Grove', 'Place'] as const;
const buildings = ['Victoria House', 'Riverside Court', 'The Maltings', 'Mill House', 'Albion Court', 'St John’s Court', 'Park View', 'Kingsway House'] as const;
// Inward-code unit letters never use C, I, K, M, O or V.
const unitLetters = 'ABDEFGHJLNPQRSTUWXYZ';

export interface GeneratedAddress {
  line1: string;
  line2: string | null;
  town: string;
  county: string | null;
  postcode: string;
}

export function homeAddress(rnd: Random, region: Region): GeneratedAddress {
  const town = rnd.pick(region.towns);
  const street = `${rnd.pick(streetNames)} ${rnd.pick(streetKinds)}`;
  const number = rnd.int(1, 180);
  const postcode = `${rnd.pick(town.districts)} ${rnd.int(1, 9)}${unitLetters[rnd.int(0, 19)]}${unitLetters[rnd.int(0, 19)]}`;
  if (rnd.chance(0.15)) return { line1: `Flat ${rnd.int(1, 40)}, ${rnd.pick(buildings)}`, line2: `${number} ${street}`, town: town.name, county: town.county, postcode };
  return { line1: `${number} ${street}`, line2: null, town: town.name, county: town.county, postcode };
}
