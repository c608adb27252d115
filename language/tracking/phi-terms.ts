/**
 * Words that, in the name of an event sent to an ad platform, reveal a health condition, a
 * treatment or a specialty that implies one ("diabetes_screening_booked" tells Google the
 * visitor may have diabetes). Matched as whole words of the name: `snake_case`, `kebab-case`,
 * `camelCase` and spaces all split words, so "std_test" matches and "standard" does not.
 * A workspace adds its own with the `chatflow.privacy.sensitiveTerms` setting.
 */
export const PHI_TERMS: readonly string[] = [
    // conditions
    'diabetes', 'diabetic', 'hiv', 'aids', 'hepatitis', 'cancer', 'tumor', 'tumour', 'leukemia', 'lymphoma',
    'melanoma', 'asthma', 'copd', 'hypertension', 'stroke', 'heart attack', 'heart failure', 'arrhythmia',
    'epilepsy', 'seizure', 'migraine', 'arthritis', 'lupus', 'multiple sclerosis', 'parkinson', 'parkinsons',
    'alzheimer', 'alzheimers', 'dementia', 'obesity', 'covid', 'tuberculosis', 'kidney disease', 'cirrhosis',
    'crohns', 'colitis', 'celiac', 'thyroid', 'osteoporosis',
    // reproductive and sexual health
    'pregnancy', 'pregnant', 'prenatal', 'miscarriage', 'abortion', 'ivf', 'fertility', 'infertility',
    'contraception', 'contraceptive', 'birth control', 'std', 'stds', 'sti', 'stis', 'herpes', 'syphilis',
    'gonorrhea', 'chlamydia', 'hpv', 'erectile', 'vasectomy', 'hysterectomy', 'menopause', 'transgender',
    'gender affirming',
    // mental health and addiction
    'depression', 'depressed', 'anxiety', 'bipolar', 'schizophrenia', 'psychosis', 'ptsd', 'adhd', 'autism',
    'eating disorder', 'anorexia', 'bulimia', 'suicide', 'suicidal', 'self harm', 'mental health',
    'psychotherapy', 'counseling', 'addiction', 'rehab', 'detox', 'alcoholism', 'opioid', 'methadone',
    'suboxone', 'naloxone', 'overdose',
    // treatments, tests and drugs
    'chemotherapy', 'chemo', 'radiotherapy', 'radiation therapy', 'insulin', 'dialysis', 'transplant', 'biopsy',
    'mammogram', 'colonoscopy', 'pap smear', 'bariatric', 'weight loss', 'antidepressant', 'antiretroviral',
    'prep', 'ozempic', 'wegovy', 'semaglutide', 'metformin', 'viagra', 'testosterone', 'genetic testing', 'brca',
    // specialties that imply a condition
    'oncology', 'oncologist', 'cardiology', 'cardiologist', 'psychiatry', 'psychiatrist', 'psychiatric',
    'neurology', 'urology', 'gynecology', 'obgyn', 'nephrology', 'hematology', 'endocrinology'
];

/** The lower-case words of a name: `BookDiabetes_check-up now` -> book, diabetes, check, up, now. */
export function wordsOf(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(word => word !== '');
}

/** The first term (built-in or `extra`) that occurs as whole words in `name`, or undefined. */
export function revealingTerm(name: string, extra: readonly string[] = []): string | undefined {
    const words = wordsOf(name);
    for (const term of [...PHI_TERMS, ...extra]) {
        const termWords = wordsOf(term);
        if (termWords.length === 0) continue;
        for (let i = 0; i + termWords.length <= words.length; i++) {
            if (termWords.every((word, j) => words[i + j] === word)) return term;
        }
    }
    return undefined;
}

/** Generic event names to use instead: GA4 recommended events, Meta standard events. */
export const GENERIC_EVENT_NAMES: Record<'ga4' | 'meta', readonly string[]> = {
    ga4: ['generate_lead', 'sign_up'],
    meta: ['Lead', 'Schedule', 'Contact']
};
