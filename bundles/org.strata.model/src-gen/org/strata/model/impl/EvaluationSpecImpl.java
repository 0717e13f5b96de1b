/**
 */
package org.strata.model.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeUniqueEList;

import org.strata.model.EvaluationSpec;
import org.strata.model.StrataPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Evaluation Spec</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getData <em>Data</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getBatch <em>Batch</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getSequenceLengths <em>Sequence Lengths</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getMaxTexts <em>Max Texts</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getRounds <em>Rounds</em>}</li>
 *   <li>{@link org.strata.model.impl.EvaluationSpecImpl#getWarmup <em>Warmup</em>}</li>
 * </ul>
 *
 * @generated
 */
public class EvaluationSpecImpl extends MinimalEObjectImpl.Container implements EvaluationSpec {
	/**
	 * The default value of the '{@link #getData() <em>Data</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getData()
	 * @generated
	 * @ordered
	 */
	protected static final String DATA_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getData() <em>Data</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getData()
	 * @generated
	 * @ordered
	 */
	protected String data = DATA_EDEFAULT;

	/**
	 * The default value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected static final int THREADS_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected int threads = THREADS_EDEFAULT;

	/**
	 * The default value of the '{@link #getBatch() <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatch()
	 * @generated
	 * @ordered
	 */
	protected static final int BATCH_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getBatch() <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatch()
	 * @generated
	 * @ordered
	 */
	protected int batch = BATCH_EDEFAULT;

	/**
	 * The cached value of the '{@link #getSequenceLengths() <em>Sequence Lengths</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSequenceLengths()
	 * @generated
	 * @ordered
	 */
	protected EList<Integer> sequenceLengths;

	/**
	 * The default value of the '{@link #getMaxTexts() <em>Max Texts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxTexts()
	 * @generated
	 * @ordered
	 */
	protected static final int MAX_TEXTS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getMaxTexts() <em>Max Texts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxTexts()
	 * @generated
	 * @ordered
	 */
	protected int maxTexts = MAX_TEXTS_EDEFAULT;

	/**
	 * The default value of the '{@link #getRounds() <em>Rounds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRounds()
	 * @generated
	 * @ordered
	 */
	protected static final int ROUNDS_EDEFAULT = 20;

	/**
	 * The cached value of the '{@link #getRounds() <em>Rounds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRounds()
	 * @generated
	 * @ordered
	 */
	protected int rounds = ROUNDS_EDEFAULT;

	/**
	 * The default value of the '{@link #getWarmup() <em>Warmup</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWarmup()
	 * @generated
	 * @ordered
	 */
	protected static final int WARMUP_EDEFAULT = 3;

	/**
	 * The cached value of the '{@link #getWarmup() <em>Warmup</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWarmup()
	 * @generated
	 * @ordered
	 */
	protected int warmup = WARMUP_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected EvaluationSpecImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.EVALUATION_SPEC;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getData() {
		return data;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setData(String newData) {
		String oldData = data;
		data = newData;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__DATA, oldData, data));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getThreads() {
		return threads;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setThreads(int newThreads) {
		int oldThreads = threads;
		threads = newThreads;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__THREADS, oldThreads, threads));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getBatch() {
		return batch;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBatch(int newBatch) {
		int oldBatch = batch;
		batch = newBatch;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__BATCH, oldBatch, batch));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Integer> getSequenceLengths() {
		if (sequenceLengths == null) {
			sequenceLengths = new EDataTypeUniqueEList<Integer>(Integer.class, this, StrataPackage.EVALUATION_SPEC__SEQUENCE_LENGTHS);
		}
		return sequenceLengths;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getMaxTexts() {
		return maxTexts;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxTexts(int newMaxTexts) {
		int oldMaxTexts = maxTexts;
		maxTexts = newMaxTexts;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__MAX_TEXTS, oldMaxTexts, maxTexts));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getRounds() {
		return rounds;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setRounds(int newRounds) {
		int oldRounds = rounds;
		rounds = newRounds;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__ROUNDS, oldRounds, rounds));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getWarmup() {
		return warmup;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setWarmup(int newWarmup) {
		int oldWarmup = warmup;
		warmup = newWarmup;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.EVALUATION_SPEC__WARMUP, oldWarmup, warmup));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case StrataPackage.EVALUATION_SPEC__DATA:
				return getData();
			case StrataPackage.EVALUATION_SPEC__THREADS:
				return getThreads();
			case StrataPackage.EVALUATION_SPEC__BATCH:
				return getBatch();
			case StrataPackage.EVALUATION_SPEC__SEQUENCE_LENGTHS:
				return getSequenceLengths();
			case StrataPackage.EVALUATION_SPEC__MAX_TEXTS:
				return getMaxTexts();
			case StrataPackage.EVALUATION_SPEC__ROUNDS:
				return getRounds();
			case StrataPackage.EVALUATION_SPEC__WARMUP:
				return getWarmup();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case StrataPackage.EVALUATION_SPEC__DATA:
				setData((String)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__THREADS:
				setThreads((Integer)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__BATCH:
				setBatch((Integer)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__SEQUENCE_LENGTHS:
				getSequenceLengths().clear();
				getSequenceLengths().addAll((Collection<? extends Integer>)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__MAX_TEXTS:
				setMaxTexts((Integer)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__ROUNDS:
				setRounds((Integer)newValue);
				return;
			case StrataPackage.EVALUATION_SPEC__WARMUP:
				setWarmup((Integer)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case StrataPackage.EVALUATION_SPEC__DATA:
				setData(DATA_EDEFAULT);
				return;
			case StrataPackage.EVALUATION_SPEC__THREADS:
				setThreads(THREADS_EDEFAULT);
				return;
			case StrataPackage.EVALUATION_SPEC__BATCH:
				setBatch(BATCH_EDEFAULT);
				return;
			case StrataPackage.EVALUATION_SPEC__SEQUENCE_LENGTHS:
				getSequenceLengths().clear();
				return;
			case StrataPackage.EVALUATION_SPEC__MAX_TEXTS:
				setMaxTexts(MAX_TEXTS_EDEFAULT);
				return;
			case StrataPackage.EVALUATION_SPEC__ROUNDS:
				setRounds(ROUNDS_EDEFAULT);
				return;
			case StrataPackage.EVALUATION_SPEC__WARMUP:
				setWarmup(WARMUP_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case StrataPackage.EVALUATION_SPEC__DATA:
				return DATA_EDEFAULT == null ? data != null : !DATA_EDEFAULT.equals(data);
			case StrataPackage.EVALUATION_SPEC__THREADS:
				return threads != THREADS_EDEFAULT;
			case StrataPackage.EVALUATION_SPEC__BATCH:
				return batch != BATCH_EDEFAULT;
			case StrataPackage.EVALUATION_SPEC__SEQUENCE_LENGTHS:
				return sequenceLengths != null && !sequenceLengths.isEmpty();
			case StrataPackage.EVALUATION_SPEC__MAX_TEXTS:
				return maxTexts != MAX_TEXTS_EDEFAULT;
			case StrataPackage.EVALUATION_SPEC__ROUNDS:
				return rounds != ROUNDS_EDEFAULT;
			case StrataPackage.EVALUATION_SPEC__WARMUP:
				return warmup != WARMUP_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (data: ");
		result.append(data);
		result.append(", threads: ");
		result.append(threads);
		result.append(", batch: ");
		result.append(batch);
		result.append(", sequenceLengths: ");
		result.append(sequenceLengths);
		result.append(", maxTexts: ");
		result.append(maxTexts);
		result.append(", rounds: ");
		result.append(rounds);
		result.append(", warmup: ");
		result.append(warmup);
		result.append(')');
		return result.toString();
	}

} //EvaluationSpecImpl
