// What seeded calls are made of: campaigns with their own key questions and interest criterion,
// people, companies and the phrases conversations are assembled from. Invented data only: phone
// numbers come from ranges reserved for fiction (+1 555 01xx-style, +44 7700 900xxx).
import type { Rng } from "./prng";

export type Outcome = "INTERESTED" | "NOT_INTERESTED" | "CALL_ME_LATER" | "WRONG_NUMBER" | "DO_NOT_CALL";

type KeyQuestion = {
  label: string;
  type: "YES_NO" | "NUMBER" | "MULTIPLE_CHOICE" | "TEXT";
  description: string;
  options?: string[];
  /** A value for a call with this outcome; null means the question was not answered. */
  answer: (rng: Rng, outcome: Outcome) => string | number | boolean | null;
};

export type CampaignSpec = {
  id: string;
  name: string;
  /** Relative share of calls while the campaign runs. */
  weight: number;
  /** Active between these fractions of the seeded period. */
  activeFrom: number;
  activeTo: number;
  interest: string;
  pitch: string[];
  questions: KeyQuestion[];
  outcomes: readonly (readonly [Outcome, number])[];
  slackUrl: string | null;
};

const yesIf = (...yes: Outcome[]) => (rng: Rng, outcome: Outcome) =>
  outcome === "WRONG_NUMBER" || outcome === "DO_NOT_CALL" ? null : yes.includes(outcome) ? true : rng.chance(0.1);
const numberBetween = (min: number, max: number, unanswered = 0.2) => (rng: Rng) =>
  rng.chance(unanswered) ? null : rng.int(min, max);
const oneOf = (options: string[], unanswered = 0.15) => (rng: Rng) => (rng.chance(unanswered) ? null : rng.pick(options));
const freeText = (answers: string[], unanswered = 0.35) => (rng: Rng) => (rng.chance(unanswered) ? null : rng.pick(answers));

export const CAMPAIGNS: CampaignSpec[] = [
  {
    id: "65f0c1a2e4b0a1d2c3f40001",
    name: "Solar Leads – Spring",
    weight: 5, activeFrom: 0, activeTo: 0.55,
    interest: "The homeowner agreed to a free rooftop assessment.",
    pitch: ["we help homeowners cut their electricity bill with rooftop solar", "a free assessment takes about thirty minutes"],
    questions: [
      { label: "Owns Home", type: "YES_NO", description: "Does the contact own the home?", answer: yesIf("INTERESTED", "CALL_ME_LATER") },
      { label: "Monthly Electricity Bill", type: "NUMBER", description: "Average monthly bill in dollars", answer: numberBetween(40, 480) },
      { label: "Roof Type", type: "MULTIPLE_CHOICE", description: "What the roof is made of", options: ["Tile", "Shingle", "Metal", "Flat"], answer: oneOf(["Tile", "Shingle", "Metal", "Flat"]) },
      { label: "Best Time For Visit", type: "TEXT", description: "When an assessor may come", answer: freeText(["Saturday morning", "weekday evenings after six", "any time next week", "Tuesday at 10"]) },
    ],
    outcomes: [["INTERESTED", 18], ["NOT_INTERESTED", 50], ["CALL_ME_LATER", 18], ["WRONG_NUMBER", 7], ["DO_NOT_CALL", 7]],
    slackUrl: null,
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40002",
    name: "Solar Leads – Autumn",
    weight: 6, activeFrom: 0.5, activeTo: 1,
    interest: "The homeowner agreed to a free rooftop assessment.",
    pitch: ["we help homeowners cut their electricity bill with rooftop solar", "there is a federal tax credit this year"],
    questions: [
      { label: "Owns Home", type: "YES_NO", description: "Does the contact own the home?", answer: yesIf("INTERESTED", "CALL_ME_LATER") },
      { label: "Monthly Electricity Bill", type: "NUMBER", description: "Average monthly bill in dollars", answer: numberBetween(40, 520) },
      { label: "Roof Type", type: "MULTIPLE_CHOICE", description: "What the roof is made of", options: ["Tile", "Shingle", "Metal", "Flat"], answer: oneOf(["Tile", "Shingle", "Metal", "Flat"]) },
    ],
    outcomes: [["INTERESTED", 20], ["NOT_INTERESTED", 48], ["CALL_ME_LATER", 18], ["WRONG_NUMBER", 7], ["DO_NOT_CALL", 7]],
    slackUrl: "https://hooks.slack.invalid/services/T000/B000/solar",
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40003",
    name: "Dental Recall Reminders",
    weight: 4, activeFrom: 0, activeTo: 1,
    interest: "The patient booked a check-up appointment.",
    pitch: ["it has been six months since your last check-up", "we have openings this week"],
    questions: [
      { label: "Booked Appointment", type: "YES_NO", description: "Did the patient book a visit?", answer: yesIf("INTERESTED") },
      { label: "Preferred Day", type: "MULTIPLE_CHOICE", description: "Preferred weekday", options: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], answer: oneOf(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) },
      { label: "Insurance Provider", type: "TEXT", description: "Dental insurance, if any", answer: freeText(["Delta Dental", "Cigna", "MetLife", "no insurance", "Guardian", "Aetna"]) },
    ],
    outcomes: [["INTERESTED", 38], ["NOT_INTERESTED", 25], ["CALL_ME_LATER", 25], ["WRONG_NUMBER", 8], ["DO_NOT_CALL", 4]],
    slackUrl: null,
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40004",
    name: "SaaS Demo Outreach",
    weight: 5, activeFrom: 0.1, activeTo: 1,
    interest: "The caller showed interest in scheduling a demo, indicating a positive engagement.",
    pitch: ["we offer personalized AI calling services", "teams usually save ten hours a week"],
    questions: [
      { label: "Inquiry Asked", type: "YES_NO", description: "Interested in learning more about our services", answer: yesIf("INTERESTED") },
      { label: "Team Size", type: "NUMBER", description: "People on the sales team", answer: numberBetween(1, 250, 0.3) },
      { label: "Current Tool", type: "MULTIPLE_CHOICE", description: "What they use today", options: ["Spreadsheet", "HubSpot", "Salesforce", "Pipedrive", "Nothing"], answer: oneOf(["Spreadsheet", "HubSpot", "Salesforce", "Pipedrive", "Nothing"], 0.3) },
      { label: "Pain Points", type: "TEXT", description: "What slows the team down", answer: freeText(["too many no-shows", "leads go cold before anyone calls", "manual data entry", "we cannot reach people in time", "reporting takes forever"], 0.45) },
    ],
    outcomes: [["INTERESTED", 14], ["NOT_INTERESTED", 56], ["CALL_ME_LATER", 20], ["WRONG_NUMBER", 6], ["DO_NOT_CALL", 4]],
    slackUrl: "https://hooks.slack.invalid/services/T000/B000/sales",
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40005",
    name: "Car Insurance Renewal",
    weight: 4, activeFrom: 0.3, activeTo: 0.9,
    interest: "The customer asked for a renewal quote.",
    pitch: ["your policy renews next month", "we can match or beat your current premium"],
    questions: [
      { label: "Renewing", type: "YES_NO", description: "Will the customer renew?", answer: yesIf("INTERESTED") },
      { label: "Vehicles", type: "NUMBER", description: "Vehicles to insure", answer: numberBetween(1, 4) },
      { label: "Coverage Level", type: "MULTIPLE_CHOICE", description: "Coverage wanted", options: ["Liability only", "Standard", "Comprehensive"], answer: oneOf(["Liability only", "Standard", "Comprehensive"]) },
    ],
    outcomes: [["INTERESTED", 26], ["NOT_INTERESTED", 40], ["CALL_ME_LATER", 24], ["WRONG_NUMBER", 5], ["DO_NOT_CALL", 5]],
    slackUrl: null,
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40006",
    name: "Customer Satisfaction Survey",
    weight: 3, activeFrom: 0, activeTo: 1,
    interest: "The customer completed the survey.",
    pitch: ["we would love two minutes of feedback", "your answers go straight to our product team"],
    questions: [
      { label: "Satisfaction", type: "NUMBER", description: "Score from 1 to 10", answer: numberBetween(1, 10, 0.1) },
      { label: "Would Recommend", type: "YES_NO", description: "Would recommend us to a friend", answer: yesIf("INTERESTED", "NOT_INTERESTED") },
      { label: "Feedback", type: "TEXT", description: "Anything else", answer: freeText(["delivery was late twice", "support was very friendly", "the app keeps logging me out", "prices went up too much", "great service overall", "invoices are confusing"], 0.3) },
    ],
    outcomes: [["INTERESTED", 55], ["NOT_INTERESTED", 25], ["CALL_ME_LATER", 12], ["WRONG_NUMBER", 5], ["DO_NOT_CALL", 3]],
    slackUrl: null,
  },
  {
    id: "65f0c1a2e4b0a1d2c3f40007",
    name: "Webinar Invitations",
    weight: 2, activeFrom: 0.7, activeTo: 1,
    interest: "The contact registered for the webinar.",
    pitch: ["our webinar on hiring AI agents is on Thursday", "it is free and recorded"],
    questions: [
      { label: "Registered", type: "YES_NO", description: "Registered for the webinar", answer: yesIf("INTERESTED") },
      { label: "Guests", type: "NUMBER", description: "Colleagues joining", answer: numberBetween(0, 5, 0.4) },
    ],
    outcomes: [["INTERESTED", 30], ["NOT_INTERESTED", 45], ["CALL_ME_LATER", 15], ["WRONG_NUMBER", 6], ["DO_NOT_CALL", 4]],
    slackUrl: null,
  },
];

/** An account configured long ago, still sending the older documented format. */
export const LEGACY_CAMPAIGN = {
  id: "legacy-7731",
  name: "Legacy Reactivation",
  questions: ["Interested", "Callback Time", "Notes"],
};

export const FIRST_NAMES = [
  "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
  "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa",
  "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
  "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa",
  "Óscar", "Zoë", "Anaïs", "Jürgen", "Søren", "Małgorzata", "Nguyễn", "Aiyana", "Priya", "Wei", "Fatima", "Mateo", "Chloé",
];
export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
  "Müller", "O'Brien", "Kowalski", "Østergaard", "D'Angelo", "van der Berg", "Okafor", "Yamamoto", "Haddad", "Singh",
];
export const COMPANIES = [
  "Acme Corp", "Globex", "Initech", "Umbrella Logistics", "Stark Supplies", "Wayne Foods", "Hooli", "Vandelay Imports",
  "Soylent Farms", "Cyberdyne Labs", "Wonka Sweets", "Pied Piper", "Dunder Paper", "Gringotts Finance", "Oscorp",
  "Tyrell Robotics", "Massive Dynamic", "Nakatomi Trading", "Monarch Travel", "Bluth Homes",
];
export const POSITIONS = ["Owner", "Office Manager", "Head of Sales", "Product Manager", "CFO", "Operations Lead", "Founder", "Receptionist"];
export const CITIES = ["Austin", "Denver", "Seattle", "Boston", "Miami", "Chicago", "Phoenix", "Portland", "Atlanta", "Nashville", "London", "Manchester"];

export const AGENT_OPENERS = [
  "Hello, this is Voxia calling on behalf of {company}. Am I speaking with {first}?",
  "Hi {first}, this is an automated assistant from {company}. Do you have a minute?",
  "Good {daypart} {first}, I'm calling from {company}. Is now a good time?",
];
export const AGENT_LINES = [
  "I'm calling because {pitch}.",
  "Just to confirm, {pitch}.",
  "Could you tell me a little about your current situation?",
  "That makes sense. Many of our customers in {city} said the same thing.",
  "Would it help if I sent the details by text message?",
  "I understand. May I ask what would make this more useful for you?",
  "Great, I have noted that down.",
  "Is this still the best number to reach you on?",
  "Let me check the calendar for the next available slot.",
  "Thanks for your patience, I just have one more question.",
];
export const USER_LINES = [
  "Yes, speaking.", "Who is this again?", "Sure, go ahead.", "I only have a couple of minutes.", "Hmm, tell me more.",
  "We looked at something like that last year.", "How much does it cost?", "My {relative} usually handles that.",
  "I'm driving right now.", "That sounds interesting actually.", "We're pretty happy with what we have.",
  "Can you send me an email instead?", "What company did you say?", "Is this a sales call?", "Okay, I'm listening.",
  "The weather in {city} has been terrible this week.", "Sorry, the line is bad, can you repeat that?",
];
export const CLOSERS: Record<Outcome, { user: string[]; agent: string }> = {
  INTERESTED: {
    user: ["Yes, that sounds great. Let's book it.", "Okay, sign me up.", "Sure, send me the confirmation.", "Thursday at ten works for me."],
    agent: "Wonderful! I'll set that up and send you a confirmation. Have a great day!",
  },
  NOT_INTERESTED: {
    user: ["No thanks, not interested.", "We're all set, thank you.", "Please don't bother, it's not for us.", "I'll pass."],
    agent: "No problem at all. Thank you for your time, goodbye.",
  },
  CALL_ME_LATER: {
    user: ["Can you call me back next week?", "Now is not a good time, try me tomorrow afternoon.", "Call me later, I'm in a meeting."],
    agent: "Of course, I'll call you back then. Talk soon!",
  },
  WRONG_NUMBER: {
    user: ["There's no {first} here, you have the wrong number.", "I think you've got the wrong person.", "Wrong number, sorry."],
    agent: "My apologies for the confusion. Have a good day.",
  },
  DO_NOT_CALL: {
    user: ["Take me off your list.", "Stop calling this number.", "Please put me on your do not call list."],
    agent: "Understood, we will not call you again. Goodbye.",
  },
};
export const VOICEMAIL_LINES = [
  "Hi {first}, this is Voxia calling for {company}. Please call us back when you get a chance.",
  "Hello, this message is for {first}. We tried to reach you about {pitch}. Talk soon.",
];
