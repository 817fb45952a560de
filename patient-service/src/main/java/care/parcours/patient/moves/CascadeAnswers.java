package care.parcours.patient.moves;

import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Scheduling's answers to the moves this service asked, matched by move id; cascades a
 * coordinator ran in scheduling itself (no move id) are not ours.
 */
@Component
class CascadeAnswers implements EventSubscriber {

	private final MoveService moves;

	CascadeAnswers(MoveService moves) {
		this.moves = moves;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions.on(CascadeApplied.class, moves::applied).on(CascadeRefused.class, moves::refused);
	}

}
