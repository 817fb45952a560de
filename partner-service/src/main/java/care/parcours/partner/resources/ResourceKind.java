package care.parcours.partner.resources;

import java.util.List;

import care.parcours.partner.partners.PartnerKind;
import care.parcours.platform.domain.InvalidRequestException;

/**
 * What a resource is, which partners keep it and which attributes describe it: an
 * operating room serves specialties, an interpreter speaks languages, a scanner has
 * neither.
 */
public enum ResourceKind {

	OPERATING_ROOM(Keeper.CARE, true, false), CONSULTATION_ROOM(Keeper.CARE, true, false),
	RECOVERY_BED(Keeper.CARE, false, false), MRI(Keeper.CARE, false, false), CT(Keeper.CARE, false, false),
	INTERPRETER(Keeper.CARE_OR_INTERPRETING, false, true);

	/**
	 * Rooms and machines are at places of care; interpreters work for an interpreting
	 * agency or in a hospital's own international desk.
	 */
	private enum Keeper {

		CARE, CARE_OR_INTERPRETING

	}

	private final Keeper keeper;

	private final boolean servesSpecialties;

	private final boolean speaksLanguages;

	ResourceKind(Keeper keeper, boolean servesSpecialties, boolean speaksLanguages) {
		this.keeper = keeper;
		this.servesSpecialties = servesSpecialties;
		this.speaksLanguages = speaksLanguages;
	}

	/** Whether a partner of that kind may keep resources of this one. */
	public boolean keptBy(PartnerKind partner) {
		return partner.providesCare() || (keeper == Keeper.CARE_OR_INTERPRETING && partner == PartnerKind.INTERPRETER);
	}

	/**
	 * Refuses attributes this kind does not have, and an interpreter speaking no
	 * language, naming the offending field.
	 */
	void requireAttributes(List<String> specialties, List<String> languages) {
		if (!servesSpecialties && !specialties.isEmpty()) {
			throw InvalidRequestException.ofField("specialties", "a resource of kind " + this + " serves no specialty");
		}
		if (!speaksLanguages && !languages.isEmpty()) {
			throw InvalidRequestException.ofField("languages", "a resource of kind " + this + " speaks no language");
		}
		if (speaksLanguages && languages.isEmpty()) {
			throw InvalidRequestException.ofField("languages", "an interpreter speaks at least one language");
		}
	}

}
