import type { LocalizedText } from '../text';
import type { AmoFactor, Lever, LeverCluster, ThemeId } from './lever';

interface LeverSeed {
  id: string;
  cluster: LeverCluster;
  title: LocalizedText;
  description: LocalizedText;
  themes: ThemeId[];
  amo: AmoFactor[];
  /**
   * Statement ids of the built-in SHRM self-evaluation (int-, ext-, map-, deep-, broad-) and of the
   * learning-climate survey (team-, cult-, lead-, pd-). Statements rather than whole sections, so a
   * suggestion can point at the exact question with the gap; sections would also double-count the
   * statements inside them. Ids are stable: the instruments promise never to rename them.
   */
  keywords: string[];
}

const D: ThemeId = 'differentiatie';
const ICT: ThemeId = 'ict-e-didactiek';
const S: ThemeId = 'startende-leraren';
const M: ThemeId = 'masteropgeleide-leraren';
const B: ThemeId = 'bevoegd-aan-de-slag';
const ALL_THEMES: ThemeId[] = [D, ICT, S, M, B];

// Examples drawn from the levers the VO-raad series lists per theme (Tabel 1, Figuur 7, Figuur 9),
// written for this product. Schools add their own and retire what does not fit them.
const seeds: LeverSeed[] = [
  // --- Werving en selectie ---
  {
    id: 'gericht-werven',
    cluster: 'werving-selectie',
    title: { nl: 'Werf gericht op profielen die ontbreken', en: 'Recruit for the profiles the school lacks' },
    description: {
      nl: 'Bepaal welke kennis en bevoegdheden in de teams ontbreken (bijvoorbeeld een master, een bevoegdheid voor een tekortvak of sterke digitale didactiek) en richt vacatureteksten, kanalen en selectiegesprekken daarop.',
      en: "Work out which knowledge and qualifications the teams are missing (a master's degree, a qualification for a shortage subject, strong digital teaching) and aim job ads, channels and interviews at exactly that.",
    },
    themes: [M, B, D, ICT],
    amo: ['ability'],
    keywords: ['deep-knowledge', 'map-sections', 'broad-other-policy'],
  },
  {
    id: 'kweekvijver-stages',
    cluster: 'werving-selectie',
    title: { nl: 'Haal toekomstige collega’s al als stagiair binnen', en: 'Bring in future colleagues as trainees' },
    description: {
      nl: 'Bied studenten van lerarenopleidingen en zij-instromers stageplekken en leerwerkplekken, zodat de school toekomstige collega’s al vroeg leert kennen en zij de school.',
      en: 'Offer placements and work-based learning to student teachers and career changers, so the school gets to know future colleagues early, and they get to know the school.',
    },
    themes: [S, M, B],
    amo: ['ability', 'opportunity'],
    keywords: ['ext-partners', 'deep-mobility', 'map-groups'],
  },
  {
    id: 'opleidingsschool',
    cluster: 'werving-selectie',
    title: {
      nl: 'Leid samen op in een (academische) opleidingsschool',
      en: 'Train new teachers in a (research-based) partnership school',
    },
    description: {
      nl: 'Werk met andere scholen en een hogeschool of universiteit samen aan het opleiden van nieuwe leraren, waarbij onderzoek in de eigen school een vaste plek krijgt.',
      en: 'Join other schools and a university (of applied sciences) in training new teachers, with research in the school as a regular part of the programme.',
    },
    themes: [S, M, B],
    amo: ['ability', 'opportunity'],
    keywords: ['ext-partners', 'ext-knowledge', 'cult-research'],
  },
  {
    id: 'inwerkprogramma',
    cluster: 'werving-selectie',
    title: { nl: 'Zorg voor een stevige start na de aanstelling', en: 'Give new staff a solid start' },
    description: {
      nl: 'Geef nieuwe leraren in hun eerste jaren een inwerkprogramma met een lichtere lestaak, vaste aanspreekpunten en regelmatige gesprekken over hoe het gaat.',
      en: 'Give teachers in their first years an induction programme with a lighter timetable, fixed points of contact and regular check-ins on how things are going.',
    },
    themes: [S, M],
    amo: ['ability', 'opportunity'],
    keywords: ['deep-guidance', 'deep-teams', 'deep-mobility'],
  },
  {
    id: 'wervingsdoelen-posities',
    cluster: 'werving-selectie',
    title: { nl: 'Koppel wervingsdoelen aan concrete functies', en: 'Tie recruitment targets to concrete posts' },
    description: {
      nl: 'Leg vast hoeveel masteropgeleide en bevoegde leraren de school per sectie nodig heeft en voor welke functies, zodat werving een meetbaar doel heeft.',
      en: "Set down how many master's-qualified and fully qualified teachers each department needs, and for which posts, so that recruitment has a measurable aim.",
    },
    themes: [M, B],
    amo: ['opportunity'],
    keywords: ['deep-roles', 'broad-policy', 'map-figures'],
  },
  {
    id: 'strategische-personeelsplanning',
    cluster: 'werving-selectie',
    title: { nl: 'Plan de personeelsbezetting vooruit', en: 'Plan staffing years ahead' },
    description: {
      nl: 'Breng verwachte uitstroom, leerlingaantallen en bevoegdheden per vak een aantal jaren vooruit in beeld, en stem werving en opleiding daarop af voordat er tekorten ontstaan.',
      en: 'Project expected departures, student numbers and qualifications per subject a few years ahead, and align recruitment and training with them before shortages appear.',
    },
    themes: [B, S, M],
    amo: ['opportunity'],
    keywords: ['map-figures', 'deep-mobility', 'broad-resources', 'ext-laws'],
  },
  {
    id: 'regionale-wervingssamenwerking',
    cluster: 'werving-selectie',
    title: { nl: 'Werf samen met scholen in de regio', en: 'Recruit together with schools in the region' },
    description: {
      nl: 'Deel met andere scholen en opleidingen in de regio vacatures, invalpools en combinatiebanen, zodat schaarse leraren een volledige baan kunnen krijgen.',
      en: 'Share vacancies, substitute pools and combined posts with other schools and teacher-training institutes in the region, so that scarce teachers can be offered a full job.',
    },
    themes: [S, B, M],
    amo: ['opportunity'],
    keywords: ['ext-partners', 'broad-other-policy'],
  },

  // --- Loopbaanbeleid ---
  {
    id: 'perspectief-beloning-taken',
    cluster: 'loopbaanbeleid',
    title: { nl: 'Laat zien waar ontwikkeling toe leidt', en: 'Show where development leads' },
    description: {
      nl: 'Maak zichtbaar hoe extra scholing en ontwikkeling kunnen leiden tot uitdagender werk en een hogere functie, en houd die belofte ook.',
      en: 'Make it visible how further study and development can lead to more challenging work and a higher-graded post, and keep that promise.',
    },
    themes: [M, S],
    amo: ['motivation'],
    keywords: ['broad-policy', 'pd-challenge', 'cult-valued'],
  },
  {
    id: 'mix-taken-rollen',
    cluster: 'loopbaanbeleid',
    title: {
      nl: 'Varieer taken en rollen naar kennis en ambitie',
      en: 'Vary tasks and roles by expertise and ambition',
    },
    description: {
      nl: 'Geef leraren naast lesgeven rollen die bij hun kennis passen, zoals onderzoeker, ICT-coach of expert in differentiëren, en verdeel die rollen bewust over de teams.',
      en: 'Give teachers roles beyond teaching that match their expertise, such as researcher, digital-learning coach or differentiation lead, and spread those roles deliberately across teams.',
    },
    themes: [M, D, ICT],
    amo: ['opportunity', 'motivation'],
    keywords: ['deep-roles', 'deep-teams', 'pd-challenge'],
  },
  {
    id: 'gesprekkencyclus',
    cluster: 'loopbaanbeleid',
    title: { nl: 'Voer elk jaar het gesprek over ontwikkeling', en: 'Hold a yearly conversation about development' },
    description: {
      nl: 'Zorg voor een vaste reeks gesprekken waarin elke leraar met de leidinggevende bespreekt wat hij wil leren, welke rol hij in het team heeft en welke scholing daarbij past.',
      en: 'Set up a cycle of review meetings in which every teacher discusses with their manager what they want to learn, their role in the team and which training fits that.',
    },
    themes: ALL_THEMES,
    amo: ['motivation', 'ability'],
    keywords: ['int-dialogue', 'deep-competences', 'deep-results', 'pd-agreements', 'cult-ownership'],
  },
  {
    id: 'ruimte-kennis-toepassen',
    cluster: 'loopbaanbeleid',
    title: {
      nl: 'Zet nieuw geleerde kennis direct aan het werk',
      en: 'Put newly learned knowledge to work straight away',
    },
    description: {
      nl: 'Zorg dat leraren die een opleiding hebben gevolgd tijd en steun krijgen om wat ze leerden in lessen en schoolontwikkeling te gebruiken, in plaats van terug te vallen in de oude routine.',
      en: 'Make sure teachers who finished a course get time and support to use what they learned in lessons and school development, instead of slipping back into the old routine.',
    },
    themes: [M, D, ICT],
    amo: ['opportunity'],
    keywords: ['pd-transfer', 'cult-experiment', 'lead-initiative'],
  },
  {
    id: 'ontwikkelroute-op-maat',
    cluster: 'loopbaanbeleid',
    title: { nl: 'Stel per leraar een ontwikkelroute op', en: 'Draw up a development route per teacher' },
    description: {
      nl: 'Maak met de leraar een route op maat naar de volgende stap, bijvoorbeeld een bevoegdheid of een master, met modules, andere taken en persoonlijke begeleiding.',
      en: "Agree with each teacher a tailored route to their next step, such as a qualification or a master's degree, combining modules, different tasks and personal guidance.",
    },
    themes: [S, M, B],
    amo: ['ability', 'motivation'],
    keywords: ['deep-guidance', 'map-people', 'pd-agreements'],
  },
  {
    id: 'loopbaanpaden',
    cluster: 'loopbaanbeleid',
    title: { nl: 'Maak loopbaanpaden in de school zichtbaar', en: 'Show the career paths within the school' },
    description: {
      nl: 'Beschrijf hoe een leraar groeit van startbekwaam naar vakbekwaam en ervaren, wat daarbij verwacht wordt en welke ondersteuning de school biedt.',
      en: 'Describe how a teacher grows from beginner to fully competent and experienced, what is expected at each stage and what support the school offers.',
    },
    themes: [S, M],
    amo: ['motivation'],
    keywords: ['broad-policy', 'deep-mobility'],
  },

  // --- Opleiding en begeleiding ---
  {
    id: 'beurzen-subsidies',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Benut beurzen en subsidies voor scholing', en: 'Make use of grants for further study' },
    description: {
      nl: 'Wijs leraren actief op regelingen zoals de lerarenbeurs, help bij de aanvraag en regel vervanging zodat de studie-uren ook echt vrij zijn.',
      en: 'Point teachers to schemes such as the teacher grant (lerarenbeurs), help with applying and arrange cover so that study hours are actually free.',
    },
    themes: [M, B, S],
    amo: ['opportunity', 'motivation'],
    keywords: ['int-means', 'broad-resources', 'ext-training'],
  },
  {
    id: 'gerichte-nascholing',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Kies nascholing die bij de schooldoelen past', en: 'Choose training that serves the school’s goals' },
    description: {
      nl: 'Stem het scholingsaanbod af op wat de school wil bereiken, zoals differentiëren of digitaal lesgeven, en laat de leidinggevende meedenken over welke opleiding past.',
      en: 'Align the training offer with what the school wants to achieve, such as differentiation or digital teaching, and have the manager help choose which course fits.',
    },
    themes: [D, ICT, B],
    amo: ['ability'],
    keywords: ['ext-training', 'deep-knowledge', 'pd-training-fit'],
  },
  {
    id: 'coaching-in-de-klas',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Coach leraren in hun eigen lessen', en: 'Coach teachers in their own lessons' },
    description: {
      nl: 'Laat een coach of ervaren collega lessen bijwonen en nabespreken, gericht op een concreet doel zoals beter afstemmen op verschillen tussen leerlingen.',
      en: 'Have a coach or experienced colleague observe and debrief lessons, working on a concrete aim such as adapting better to differences between students.',
    },
    themes: [D, ICT, S],
    amo: ['ability'],
    keywords: ['deep-guidance', 'pd-coaching'],
  },
  {
    id: 'intervisie',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Leer van elkaar via intervisie en lesbezoek', en: 'Learn from each other through peer review' },
    description: {
      nl: 'Organiseer vaste momenten waarop leraren bij elkaar in de les kijken en in kleine groepen praktijkvragen bespreken.',
      en: 'Schedule regular moments when teachers visit each other’s lessons and discuss questions from practice in small groups.',
    },
    themes: [D, ICT, S],
    amo: ['ability', 'motivation'],
    keywords: ['pd-lesson-visits', 'pd-coaching', 'team-reflect'],
  },
  {
    id: 'mentor-met-tijd',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Wijs mentoren aan met tijd en toerusting', en: 'Appoint mentors with time and training' },
    description: {
      nl: 'Koppel elke starter of leraar in opleiding aan een mentor die zelf geschoold is in begeleiden en daar uren voor krijgt.',
      en: 'Pair every beginner or teacher in training with a mentor who is trained in coaching and is given hours to do it.',
    },
    themes: [S, B, M],
    amo: ['ability', 'opportunity'],
    keywords: ['deep-guidance', 'int-roles', 'int-time'],
  },
  {
    id: 'afspraken-opleidingen',
    cluster: 'opleiding-begeleiding',
    title: {
      nl: 'Maak afspraken met opleiders over opscholing',
      en: 'Agree upskilling routes with training institutes',
    },
    description: {
      nl: 'Spreek met hogescholen en universiteiten af hoe leraren naast hun werk een bevoegdheid of master halen: roosters, vrijstellingen en praktijkopdrachten in de eigen school.',
      en: "Agree with universities how teachers can earn a qualification or master's degree while working: schedules, exemptions and practical assignments in their own school.",
    },
    themes: [M, B],
    amo: ['ability', 'opportunity'],
    keywords: ['ext-partners', 'ext-training'],
  },
  {
    id: 'competenties-in-kaart',
    cluster: 'opleiding-begeleiding',
    title: {
      nl: 'Zet benodigde naast aanwezige kennis en rollen',
      en: 'Compare the expertise needed with the expertise present',
    },
    description: {
      nl: 'Zet per team op een rij welke kennis en rollen nodig zijn en welke er al zijn, en stuur scholing gericht op wat ontbreekt.',
      en: 'List per team which knowledge and roles are needed and which are already there, and aim training at what is missing.',
    },
    themes: [D, ICT, M, B],
    amo: ['ability'],
    keywords: ['deep-competences', 'deep-knowledge', 'map-people', 'deep-attention'],
  },
  {
    id: 'loopbaan-na-opleiding',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Bespreek vooraf wat na de opleiding komt', en: 'Discuss in advance what follows the course' },
    description: {
      nl: 'Spreek bij de start van een opleiding al af welke taken of functie de leraar daarna kan krijgen, zodat de investering voor beide kanten loont.',
      en: 'Agree when a course starts which tasks or post the teacher can take on afterwards, so that the investment pays off for both sides.',
    },
    themes: [M, B],
    amo: ['motivation'],
    keywords: ['pd-transfer', 'pd-agreements', 'broad-policy'],
  },
  {
    id: 'leidinggevenden-professionaliseren',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Versterk de leidinggevenden als people manager', en: 'Develop managers as people managers' },
    description: {
      nl: 'Investeer in de vaardigheden van schoolleiders en teamleiders om leraren te begeleiden, feedback te geven en onderwijskundig richting te geven.',
      en: 'Invest in the skills of school leaders and team leaders to guide teachers, give feedback and lead on teaching and learning.',
    },
    themes: [S, M, D, ICT],
    amo: ['motivation', 'opportunity'],
    keywords: ['int-leadership', 'int-amo', 'lead-coaching', 'lead-example'],
  },
  {
    id: 'tijd-voor-professionalisering',
    cluster: 'opleiding-begeleiding',
    title: { nl: 'Maak tijd vrij voor leren in het rooster', en: 'Free up time for learning in the timetable' },
    description: {
      nl: 'Reserveer in jaartaak en rooster vaste tijd voor scholing, lesbezoek en teamleren, en zorg voor vervanging zodat die tijd niet opgaat aan lesuitval.',
      en: 'Reserve fixed time in workload plans and timetables for training, lesson visits and team learning, and arrange cover so that this time is not lost to cancelled lessons.',
    },
    themes: ALL_THEMES,
    amo: ['opportunity'],
    keywords: ['int-time', 'int-means', 'lead-facilities'],
  },
  {
    id: 'ict-in-balans',
    cluster: 'opleiding-begeleiding',
    title: {
      nl: 'Breng visie, vaardigheid en middelen voor ICT in balans',
      en: 'Balance vision, skills and tools for ICT',
    },
    description: {
      nl: 'Werk tegelijk aan een gedeelde visie op digitaal leren, de vaardigheden van leraren, goed digitaal lesmateriaal en een betrouwbare infrastructuur; investeren in één ervan alleen levert weinig op.',
      en: 'Work at the same time on a shared view of digital learning, teachers’ skills, good digital materials and reliable infrastructure; investing in only one of them achieves little.',
    },
    themes: [ICT, D],
    amo: ['ability', 'opportunity'],
    keywords: ['int-goals', 'int-means', 'broad-themes'],
  },

  // --- Samenwerken ---
  {
    id: 'kennisdeling-partners',
    cluster: 'samenwerken',
    title: {
      nl: 'Deel kennis met partnerscholen en opleiders',
      en: 'Share knowledge with partner schools and trainers',
    },
    description: {
      nl: 'Gebruik samenwerkingsverbanden en leernetwerken om ervaringen uit te wisselen, samen onderzoek te doen en elkaars scholingsaanbod te benutten.',
      en: 'Use partnerships and learning networks to exchange experience, carry out joint research and make use of each other’s training offer.',
    },
    themes: ALL_THEMES,
    amo: ['ability', 'opportunity'],
    keywords: ['ext-knowledge', 'ext-facilities', 'pd-networks', 'cult-research'],
  },
  {
    id: 'lerende-cultuur',
    cluster: 'samenwerken',
    title: { nl: 'Maak samen leren en onderzoeken gewoon', en: 'Make learning and inquiry together the norm' },
    description: {
      nl: 'Maak onderzoekend werken, vragen stellen en van elkaar leren tot gewoonte, bijvoorbeeld door resultaten van eigen onderzoek in teams te bespreken.',
      en: 'Make inquiry, asking questions and learning from each other a habit, for example by discussing the findings of in-school research in teams.',
    },
    themes: [M, S, D, ICT],
    amo: ['motivation', 'opportunity'],
    keywords: ['cult-valued', 'cult-research', 'team-share', 'team-reflect'],
  },
  {
    id: 'vertrouwen-veiligheid',
    cluster: 'samenwerken',
    title: { nl: 'Maak het veilig om te experimenteren', en: 'Make it safe to experiment' },
    description: {
      nl: 'Schep een klimaat waarin leraren durven te experimenteren, fouten mogen maken en om hulp vragen, zonder dat dat tegen hen wordt gebruikt.',
      en: 'Create a climate in which teachers dare to experiment, may make mistakes and ask for help without it being held against them.',
    },
    themes: [S, D, ICT],
    amo: ['motivation'],
    keywords: ['cult-trust', 'cult-experiment'],
  },
  {
    id: 'balans-in-teams',
    cluster: 'samenwerken',
    title: { nl: 'Stel teams evenwichtig samen', en: 'Compose balanced teams' },
    description: {
      nl: 'Let bij de samenstelling van teams en secties op een mix van ervaring, opleidingsniveau en bevoegdheden, en geef elk team een helder gezamenlijk doel.',
      en: 'When forming teams and departments, aim for a mix of experience, degree levels and qualifications, and give each team a clear shared goal.',
    },
    themes: [S, M, B],
    amo: ['opportunity'],
    keywords: ['deep-teams', 'map-sections', 'team-goals'],
  },
  {
    id: 'relatie-leidinggevende',
    cluster: 'samenwerken',
    title: {
      nl: 'Investeer in de band tussen leraar en leidinggevende',
      en: 'Invest in the teacher–manager relationship',
    },
    description: {
      nl: 'Zorg voor regelmatig contact, duidelijke afspraken en wederzijdse feedback, zodat leraren zich gezien voelen en hun ideeën een kans krijgen.',
      en: 'Ensure regular contact, clear agreements and feedback both ways, so that teachers feel seen and their ideas get a chance.',
    },
    themes: [M, S],
    amo: ['motivation'],
    keywords: ['int-dialogue', 'int-leadership', 'lead-initiative'],
  },
  {
    id: 'ruimte-in-onderwijsorganisatie',
    cluster: 'samenwerken',
    title: {
      nl: 'Organiseer het onderwijs zo dat teams ruimte hebben',
      en: 'Organise teaching so that teams have room',
    },
    description: {
      nl: 'Richt rooster, groepsindeling en taakverdeling zo in dat teams samen kunnen differentiëren en bevoegde leraren op de juiste lessen staan.',
      en: 'Arrange timetables, grouping and task allocation so that teams can differentiate together and qualified teachers teach the right lessons.',
    },
    themes: [D, B, ICT],
    amo: ['opportunity'],
    keywords: ['int-time', 'team-say', 'int-roles'],
  },
  {
    id: 'leerlingen-betrekken',
    cluster: 'samenwerken',
    title: { nl: 'Betrek leerlingen bij het verbeteren van de lessen', en: 'Involve students in improving lessons' },
    description: {
      nl: 'Vraag leerlingen geregeld wat hen helpt bij het leren, bijvoorbeeld via een leerlingpanel of korte lesevaluaties, en bespreek de uitkomsten in het team.',
      en: 'Ask students regularly what helps them learn, for example through a student panel or short lesson evaluations, and discuss the outcomes in the team.',
    },
    themes: [D, ICT],
    amo: ['ability', 'motivation'],
    keywords: ['int-students', 'pd-student-feedback', 'team-evidence'],
  },
  {
    id: 'visie-uitdragen',
    cluster: 'samenwerken',
    title: { nl: 'Leg uit waarom het ertoe doet', en: 'Explain why it matters' },
    description: {
      nl: 'Leg in gesprek met teams uit waarom de school hierin investeert en wat het oplevert voor leerlingen, leraren en de school, en laat collega’s hun eigen ervaringen vertellen.',
      en: 'Explain in conversation with teams why the school invests in this and what it brings students, teachers and the school, and let colleagues tell their own experiences.',
    },
    themes: ALL_THEMES,
    amo: ['motivation'],
    keywords: ['int-goals', 'int-support', 'lead-direction', 'broad-shrm'],
  },
];

function toLever(seed: LeverSeed): Lever {
  return {
    id: seed.id,
    title: { ...seed.title },
    description: { ...seed.description },
    cluster: seed.cluster,
    themes: [...seed.themes],
    amo: [...seed.amo],
    keywords: [...seed.keywords],
    builtIn: true,
    organisationId: null,
    retired: false,
  };
}

/** The built-in levers, shared by every school. Frozen: use builtInLevers() for editable copies. */
export const LEVER_LIBRARY: readonly Lever[] = Object.freeze(seeds.map((seed) => deepFreeze(toLever(seed))));

function deepFreeze(lever: Lever): Lever {
  Object.values(lever).forEach((value) => {
    if (value !== null && typeof value === 'object') Object.freeze(value);
  });
  return Object.freeze(lever);
}

/** Fresh copies of the built-in levers, so editing one school's list cannot alter the shared library. */
export function builtInLevers(): Lever[] {
  return seeds.map(toLever);
}
