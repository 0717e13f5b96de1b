/**
 */
package org.strata.model.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.strata.model.Goal;
import org.strata.model.StrataPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Goal</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.GoalImpl#getMinMeanCosine <em>Min Mean Cosine</em>}</li>
 *   <li>{@link org.strata.model.impl.GoalImpl#getMaxLatencyRatio <em>Max Latency Ratio</em>}</li>
 *   <li>{@link org.strata.model.impl.GoalImpl#getMaxSizeRatio <em>Max Size Ratio</em>}</li>
 * </ul>
 *
 * @generated
 */
public class GoalImpl extends MinimalEObjectImpl.Container implements Goal {
	/**
	 * The default value of the '{@link #getMinMeanCosine() <em>Min Mean Cosine</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMinMeanCosine()
	 * @generated
	 * @ordered
	 */
	protected static final double MIN_MEAN_COSINE_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getMinMeanCosine() <em>Min Mean Cosine</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMinMeanCosine()
	 * @generated
	 * @ordered
	 */
	protected double minMeanCosine = MIN_MEAN_COSINE_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxLatencyRatio() <em>Max Latency Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxLatencyRatio()
	 * @generated
	 * @ordered
	 */
	protected static final double MAX_LATENCY_RATIO_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getMaxLatencyRatio() <em>Max Latency Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxLatencyRatio()
	 * @generated
	 * @ordered
	 */
	protected double maxLatencyRatio = MAX_LATENCY_RATIO_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxSizeRatio() <em>Max Size Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxSizeRatio()
	 * @generated
	 * @ordered
	 */
	protected static final double MAX_SIZE_RATIO_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getMaxSizeRatio() <em>Max Size Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxSizeRatio()
	 * @generated
	 * @ordered
	 */
	protected double maxSizeRatio = MAX_SIZE_RATIO_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected GoalImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.GOAL;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getMinMeanCosine() {
		return minMeanCosine;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMinMeanCosine(double newMinMeanCosine) {
		double oldMinMeanCosine = minMeanCosine;
		minMeanCosine = newMinMeanCosine;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.GOAL__MIN_MEAN_COSINE, oldMinMeanCosine, minMeanCosine));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getMaxLatencyRatio() {
		return maxLatencyRatio;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxLatencyRatio(double newMaxLatencyRatio) {
		double oldMaxLatencyRatio = maxLatencyRatio;
		maxLatencyRatio = newMaxLatencyRatio;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.GOAL__MAX_LATENCY_RATIO, oldMaxLatencyRatio, maxLatencyRatio));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getMaxSizeRatio() {
		return maxSizeRatio;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxSizeRatio(double newMaxSizeRatio) {
		double oldMaxSizeRatio = maxSizeRatio;
		maxSizeRatio = newMaxSizeRatio;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.GOAL__MAX_SIZE_RATIO, oldMaxSizeRatio, maxSizeRatio));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case StrataPackage.GOAL__MIN_MEAN_COSINE:
				return getMinMeanCosine();
			case StrataPackage.GOAL__MAX_LATENCY_RATIO:
				return getMaxLatencyRatio();
			case StrataPackage.GOAL__MAX_SIZE_RATIO:
				return getMaxSizeRatio();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case StrataPackage.GOAL__MIN_MEAN_COSINE:
				setMinMeanCosine((Double)newValue);
				return;
			case StrataPackage.GOAL__MAX_LATENCY_RATIO:
				setMaxLatencyRatio((Double)newValue);
				return;
			case StrataPackage.GOAL__MAX_SIZE_RATIO:
				setMaxSizeRatio((Double)newValue);
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
			case StrataPackage.GOAL__MIN_MEAN_COSINE:
				setMinMeanCosine(MIN_MEAN_COSINE_EDEFAULT);
				return;
			case StrataPackage.GOAL__MAX_LATENCY_RATIO:
				setMaxLatencyRatio(MAX_LATENCY_RATIO_EDEFAULT);
				return;
			case StrataPackage.GOAL__MAX_SIZE_RATIO:
				setMaxSizeRatio(MAX_SIZE_RATIO_EDEFAULT);
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
			case StrataPackage.GOAL__MIN_MEAN_COSINE:
				return minMeanCosine != MIN_MEAN_COSINE_EDEFAULT;
			case StrataPackage.GOAL__MAX_LATENCY_RATIO:
				return maxLatencyRatio != MAX_LATENCY_RATIO_EDEFAULT;
			case StrataPackage.GOAL__MAX_SIZE_RATIO:
				return maxSizeRatio != MAX_SIZE_RATIO_EDEFAULT;
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
		result.append(" (minMeanCosine: ");
		result.append(minMeanCosine);
		result.append(", maxLatencyRatio: ");
		result.append(maxLatencyRatio);
		result.append(", maxSizeRatio: ");
		result.append(maxSizeRatio);
		result.append(')');
		return result.toString();
	}

} //GoalImpl
