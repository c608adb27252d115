/** Why an export stopped; `message` says what to do. Recorded in the audit log as a failed export. */
export class ExportError extends Error {
    /** `field`: the payload field that is not allow-listed (e.g. `events[0].params.patient_email`), when that is why. */
    constructor(message: string, readonly field?: string, readonly sentEvents = 0) {
        super(message);
        this.name = 'ExportError';
    }
}
