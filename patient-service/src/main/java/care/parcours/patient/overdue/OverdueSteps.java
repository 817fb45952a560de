package care.parcours.patient.overdue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import care.parcours.patient.pathways.PathwayService;
import care.parcours.patient.pathways.PathwayService.DueStep;
import care.parcours.patient.pathways.PathwayService.Progress;
import care.parcours.patient.timeline.PathwayLocks;
import care.parcours.patient.timeline.Timeline;
import care.parcours.platform.polling.LeaderPoller;
import care.parcours.platform.polling.PollingLifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks the steps late at this instant overdue, each with its {@code STEP_OVERDUE} alert
 * (the pathway raises it with the change, once): one instance at a time
 * ({@link LeaderPoller}'s advisory lock), a batch per round. A pathway that an event or a
 * coordinator is changing right now is skipped ({@code skip locked}) and seen at the next
 * round, so the watch never waits on them nor fails on their version.
 */
@Component
class OverdueSteps extends PollingLifecycle<DueStep> {

	/** The advisory lock that lets one instance mark at a time ("overdue"). */
	private static final long LOCK = 0x6f766572647565L;

	private static final int BATCH = 100;

	private final PathwayService pathways;

	private final PathwayLocks locks;

	private final Timeline timeline;

	private final Clock clock;

	OverdueSteps(PathwayService pathways, PathwayLocks locks, Timeline timeline, OverdueProperties properties,
			Clock clock, JdbcClient jdbc, TransactionTemplate transactions) {
		super(new LeaderPoller.Settings("overdue-steps", LOCK, properties.interval(), BATCH), jdbc, transactions,
				properties.isEnabled(), properties.interval().plusSeconds(5));
		this.pathways = pathways;
		this.locks = locks;
		this.timeline = timeline;
		this.clock = clock;
	}

	/**
	 * The steps it marked: fewer than the candidates when some were being changed or the
	 * pathway no longer took it, so that the loop rests rather than spins on them.
	 */
	@Override
	protected List<DueStep> takeUnderLock(int batchSize) {
		Instant now = clock.instant();
		List<DueStep> marked = new ArrayList<>();
		for (DueStep due : pathways.overdueCandidates(now, batchSize)) {
			if (locks.tryLock(due.pathwayId())
					&& pathways.markOverdue(due.pathwayId(), due.stepId(), now) instanceof Progress.Applied applied) {
				timeline.recordOverdue(applied.pathway(), due.stepId(), now);
				marked.add(due);
			}
		}
		return marked;
	}

	/** One round now, on the caller's thread: the steps it marked. */
	List<DueStep> markNow() {
		return poll();
	}

}
