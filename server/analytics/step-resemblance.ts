/** Words too common in box texts and step names to tell two of them apart. */
const STOP = new Set(['the', 'and', 'you', 'your', 'for', 'what', 'with', 'have', 'this', 'that', 'are', 'can', 'please', 'ask', 'step', 'page', 'intent', 'slot', 'block']);

/**
 * How much a logged step's key resembles a box: the distinct words they share, words compared by
 * their first five letters ("Insurance Check" and "Do you have health insurance?" share
 * "insur"). Step keys are split at case changes, dots and underscores
 * ("BookAppointment.PatientName": book, appointment, patient, name).
 */
export function resemblance(step: string, box: string): number {
    const boxWords = stems(box);
    let shared = 0;
    for (const word of stems(step)) if (boxWords.has(word)) shared++;
    return shared;
}

function stems(text: string): Set<string> {
    const words = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
    return new Set(words.filter(w => w.length >= 3 && !STOP.has(w)).map(w => w.slice(0, 5)));
}
