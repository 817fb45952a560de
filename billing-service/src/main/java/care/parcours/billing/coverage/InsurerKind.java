package care.parcours.billing.coverage;

/**
 * What an insurer is, in the order they pay: the national insurer first (Assurance
 * Maladie, INAMI/RIZIV), then the mutual insurer on what is left (mutuelle), then a
 * private international insurer.
 */
public enum InsurerKind {

	NATIONAL, MUTUAL, PRIVATE_INTERNATIONAL

}
