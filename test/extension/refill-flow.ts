/** A pharmacy refill flow whose menu has two buttons to one box: the logs cannot tell those two edges apart. */
export const REFILL = `
goal refill_ordered "Refill ordered"
flow Refill {
    start menu
    choice menu "What do you need?" {
        "Refill a prescription" -> ask_rx
        "Renew an expired prescription" -> ask_rx
        "Something else" -> desk
    }
    input ask_rx "What is the prescription number?" {
        save rx: text
        -> done
    }
    message done "Your refill is on its way." {
        goal refill_ordered
        -> bye
    }
    handoff desk "A pharmacist will take over."
    end bye "Goodbye!"
}`;
