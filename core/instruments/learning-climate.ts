import { surveyInputSchema, type Section, type SurveyInput } from '../survey';
import { learningClimateGroups } from './groups';
import { extentScale } from './scale';

export const LEARNING_CLIMATE_SURVEY_ID = 'learning-climate';

// Ids are stored with every answer and compared across rounds: never rename them.

const teamLearning: Section = {
  id: 'team-learning',
  title: { nl: 'Samen leren in teams', en: 'Learning together in teams' },
  intro: {
    nl: 'Hoe leren collega’s van en met elkaar, in teams en secties?',
    en: 'How do colleagues learn from and with each other, in teams and departments?',
  },
  statements: [
    {
      id: 'team-goals',
      text: {
        nl: 'Ons team werkt aan gezamenlijke doelen voor het onderwijs en de leerlingen.',
        en: 'Our team works towards shared goals for teaching and for students.',
      },
    },
    {
      id: 'team-share',
      text: {
        nl: 'Collega’s delen lesmateriaal, ideeën en ervaringen met elkaar.',
        en: 'Colleagues share teaching materials, ideas and experiences with each other.',
      },
    },
    {
      id: 'team-reflect',
      text: {
        nl: 'In ons team bespreken we geregeld wat goed werkt in de les en wat beter kan.',
        en: 'In our team we regularly discuss what works well in lessons and what could be better.',
      },
    },
    {
      id: 'team-evidence',
      text: {
        nl: 'We gebruiken resultaten en ervaringen van leerlingen om samen ons onderwijs te verbeteren.',
        en: "We use students' results and experiences to improve our teaching together.",
      },
    },
    {
      id: 'team-say',
      text: {
        nl: 'Het team beslist mee over wat het wil leren en hoe het de tijd daarvoor verdeelt.',
        en: 'The team has a say in what it wants to learn and how it divides the time for that.',
      },
    },
  ],
};

const learningCulture: Section = {
  id: 'learning-culture',
  title: { nl: 'Leercultuur', en: 'Learning culture' },
  intro: {
    nl: 'Hoe vanzelfsprekend is het op onze school om te blijven leren en verbeteren?',
    en: 'How natural is it at our school to keep learning and improving?',
  },
  statements: [
    {
      id: 'cult-valued',
      text: {
        nl: 'Blijven leren wordt op onze school gewaardeerd, door collega’s en door de leiding.',
        en: 'Continuing to learn is valued at our school, by colleagues and by management.',
      },
    },
    {
      id: 'cult-trust',
      text: {
        nl: 'Er is genoeg vertrouwen om fouten en twijfels openlijk te bespreken.',
        en: 'There is enough trust to discuss mistakes and doubts openly.',
      },
    },
    {
      id: 'cult-experiment',
      text: {
        nl: 'Er is ruimte om in de klas nieuwe werkwijzen uit te proberen, ook als niet alles meteen lukt.',
        en: 'There is room to try out new approaches in class, even if not everything works straight away.',
      },
    },
    {
      id: 'cult-research',
      text: {
        nl: 'We gebruiken onderzoek en kennis van buiten de school om ons onderwijs te verbeteren.',
        en: 'We use research and knowledge from outside the school to improve our teaching.',
      },
    },
    {
      id: 'cult-ownership',
      text: {
        nl: 'Medewerkers houden zelf de regie over hun professionele ontwikkeling.',
        en: 'Staff are in charge of their own professional development.',
      },
    },
  ],
};

const leadership: Section = {
  id: 'leadership',
  title: { nl: 'Leiderschap dat leren mogelijk maakt', en: 'Leadership that enables learning' },
  intro: {
    nl: 'Wat doen leidinggevenden om het leren van medewerkers en teams mogelijk te maken?',
    en: 'What do managers do to make it possible for staff and teams to learn?',
  },
  statements: [
    {
      id: 'lead-direction',
      text: {
        nl: 'De schoolleiding maakt duidelijk hoe professionalisering bijdraagt aan de doelen van de school.',
        en: "School leaders make clear how professional development contributes to the school's goals.",
      },
    },
    {
      id: 'lead-facilities',
      text: {
        nl: 'Leidinggevenden zorgen voor tijd, geld en begeleiding, zodat medewerkers en teams kunnen leren.',
        en: 'Managers provide time, money and support so that staff and teams can learn.',
      },
    },
    {
      id: 'lead-example',
      text: {
        nl: 'Leidinggevenden geven het goede voorbeeld door zelf te blijven leren.',
        en: 'Managers set a good example by continuing to learn themselves.',
      },
    },
    {
      id: 'lead-coaching',
      text: {
        nl: 'Leidinggevenden stellen zich coachend op en staan zelf ook open voor feedback.',
        en: 'Managers take a coaching approach and are open to feedback themselves.',
      },
    },
    {
      id: 'lead-initiative',
      text: {
        nl: 'Ideeën van medewerkers om het onderwijs te verbeteren krijgen steun van de leiding.',
        en: "Staff's ideas for improving teaching get support from management.",
      },
    },
  ],
};

/** 70:20:10: learning on the job, from feedback and colleagues, and in formal training. */
const professionalDevelopment: Section = {
  id: 'professional-development',
  title: {
    nl: 'Professionaliseren: leren in het werk, van elkaar en in opleidingen',
    en: 'Professional development: learning on the job, from others and through training',
  },
  intro: {
    nl: 'Het meeste leren gebeurt in het werk zelf (ongeveer 70%), een deel via feedback van en samenwerking met collega’s (20%) en een kleiner deel in cursussen en opleidingen (10%).',
    en: 'Most learning happens on the job (about 70%), some through feedback from and work with colleagues (20%), and a smaller part in courses and training programmes (10%).',
  },
  statements: [
    {
      id: 'pd-challenge',
      text: {
        nl: 'Medewerkers krijgen uitdagende taken en projecten waar ze van leren.',
        en: 'Staff are given challenging tasks and projects that they learn from.',
      },
    },
    {
      id: 'pd-networks',
      text: {
        nl: 'Medewerkers doen mee aan werkgroepen of netwerken, binnen of buiten de school.',
        en: 'Staff take part in working groups or networks, inside or outside the school.',
      },
    },
    {
      id: 'pd-lesson-visits',
      text: {
        nl: 'Collega’s bezoeken elkaars lessen en geven elkaar bruikbare feedback.',
        en: "Colleagues visit each other's lessons and give each other useful feedback.",
      },
    },
    {
      id: 'pd-coaching',
      text: {
        nl: 'Intervisie, coaching en leren van een ervaren collega horen bij het gewone werk.',
        en: 'Peer consultation, coaching and learning from an experienced colleague are part of everyday work.',
      },
    },
    {
      id: 'pd-student-feedback',
      text: {
        nl: 'Leraren vragen leerlingen om feedback op hun lessen en doen daar iets mee.',
        en: 'Teachers ask students for feedback on their lessons and act on it.',
      },
    },
    {
      id: 'pd-training-fit',
      text: {
        nl: 'Cursussen en opleidingen sluiten aan bij de ontwikkelvragen van de medewerker en van de school.',
        en: 'Courses and training programmes match the development needs of the individual and of the school.',
      },
    },
    {
      id: 'pd-transfer',
      text: {
        nl: 'Wat medewerkers in een cursus of opleiding leren, passen ze daarna met steun van collega’s toe in hun werk.',
        en: 'What staff learn on a course or programme, they go on to apply in their work with support from colleagues.',
      },
    },
    {
      id: 'pd-agreements',
      text: {
        nl: 'In de gesprekkencyclus maakt elke medewerker concrete ontwikkelafspraken die verder gaan dan een cursus volgen.',
        en: 'In the appraisal cycle every member of staff makes concrete development agreements that go beyond taking a course.',
      },
    },
  ],
};

/**
 * Self-evaluation of the school's learning climate for staff, in the spirit of Schoolfie: its outcome
 * feeds the school's development question.
 */
export function learningClimateSurvey(): SurveyInput {
  return surveyInputSchema.parse({
    title: { nl: 'Zelfevaluatie leerklimaat', en: 'Learning climate self-assessment' },
    description: {
      nl: 'Hoe sterk is het leerklimaat voor medewerkers op onze school? Geef bij elke stelling aan hoe het nu is (huidige situatie) en hoe het zou moeten zijn (gewenste situatie). Weet u het niet, of past een stelling niet bij uw werk, kies dan ‘weet niet / n.v.t.’. De uitkomst helpt de school haar ontwikkelvraag scherp te krijgen.',
      en: 'How strong is the learning climate for staff at our school? For each statement, indicate how things are now (current situation) and how they should be (desired situation). If you do not know, or a statement does not fit your work, choose "don\'t know / not applicable". The outcome helps the school sharpen its development question.',
    },
    scale: extentScale(),
    sections: [teamLearning, learningCulture, leadership, professionalDevelopment].map(copySection),
    groups: learningClimateGroups(),
  });
}

function copySection(section: Section): Section {
  return {
    id: section.id,
    title: { ...section.title },
    ...(section.intro ? { intro: { ...section.intro } } : {}),
    statements: section.statements.map((s) => ({ id: s.id, text: { ...s.text } })),
  };
}
