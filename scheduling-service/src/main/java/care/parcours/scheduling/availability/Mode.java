package care.parcours.scheduling.availability;

/** Where an appointment takes place. */
public enum Mode {

	IN_PERSON, TELECONSULTATION

}
