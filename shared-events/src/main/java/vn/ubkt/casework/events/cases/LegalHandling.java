package vn.ubkt.casework.events.cases;

/**
 * What the law did with a disciplined member, beside the Party's discipline (form 11 of QĐ 357-QĐ/UBKTTW counts
 * "xử lý pháp luật", of which prison including suspended sentences, and other): a prison sentence, a suspended one,
 * or another penalty.
 */
public enum LegalHandling { PRISON, SUSPENDED_SENTENCE, OTHER }
