package care.parcours.partner.practitioners;

/**
 * The national registers of health professionals whose numbers Parcours checks. Both are
 * eleven digits ending in check digits, so a mistyped number is caught before it is
 * stored.
 */
public enum IdentifierType {

	/**
	 * France's Répertoire partagé des professionnels de santé: 11 digits, the last a Luhn
	 * check digit over the first ten.
	 */
	RPPS {
		@Override
		boolean checks(String digits) {
			int sum = 0;
			for (int i = 0; i < digits.length(); i++) {
				int digit = digits.charAt(digits.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					digit *= 2;
					if (digit > 9) {
						digit -= 9;
					}
				}
				sum += digit;
			}
			return sum % 10 == 0;
		}
	},

	/**
	 * Belgium's INAMI/RIZIV number: 6 digits identifying the professional, 2 check
	 * digits, 3 digits of qualification. The check digits are 97 minus the first six
	 * modulo 97; since INAMI's note I 2012/26 new numbers use 89 instead, so both are
	 * accepted.
	 */
	INAMI {
		@Override
		boolean checks(String digits) {
			int base = Integer.parseInt(digits.substring(0, 6));
			int check = Integer.parseInt(digits.substring(6, 8));
			return check == 97 - base % 97 || check == 89 - base % 89;
		}
	};

	/** Whether eleven digits carry valid check digits for this register. */
	abstract boolean checks(String digits);

}
