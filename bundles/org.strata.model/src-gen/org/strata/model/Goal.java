/**
 */
package org.strata.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Goal</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.Goal#getMinMeanCosine <em>Min Mean Cosine</em>}</li>
 *   <li>{@link org.strata.model.Goal#getMaxLatencyRatio <em>Max Latency Ratio</em>}</li>
 *   <li>{@link org.strata.model.Goal#getMaxSizeRatio <em>Max Size Ratio</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getGoal()
 * @model
 * @generated
 */
public interface Goal extends EObject {
	/**
	 * Returns the value of the '<em><b>Min Mean Cosine</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Min Mean Cosine</em>' attribute.
	 * @see #setMinMeanCosine(double)
	 * @see org.strata.model.StrataPackage#getGoal_MinMeanCosine()
	 * @model default="0.0"
	 * @generated
	 */
	double getMinMeanCosine();

	/**
	 * Sets the value of the '{@link org.strata.model.Goal#getMinMeanCosine <em>Min Mean Cosine</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Min Mean Cosine</em>' attribute.
	 * @see #getMinMeanCosine()
	 * @generated
	 */
	void setMinMeanCosine(double value);

	/**
	 * Returns the value of the '<em><b>Max Latency Ratio</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Latency Ratio</em>' attribute.
	 * @see #setMaxLatencyRatio(double)
	 * @see org.strata.model.StrataPackage#getGoal_MaxLatencyRatio()
	 * @model default="0.0"
	 * @generated
	 */
	double getMaxLatencyRatio();

	/**
	 * Sets the value of the '{@link org.strata.model.Goal#getMaxLatencyRatio <em>Max Latency Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Latency Ratio</em>' attribute.
	 * @see #getMaxLatencyRatio()
	 * @generated
	 */
	void setMaxLatencyRatio(double value);

	/**
	 * Returns the value of the '<em><b>Max Size Ratio</b></em>' attribute.
	 * The default value is <code>"0.0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Size Ratio</em>' attribute.
	 * @see #setMaxSizeRatio(double)
	 * @see org.strata.model.StrataPackage#getGoal_MaxSizeRatio()
	 * @model default="0.0"
	 * @generated
	 */
	double getMaxSizeRatio();

	/**
	 * Sets the value of the '{@link org.strata.model.Goal#getMaxSizeRatio <em>Max Size Ratio</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Size Ratio</em>' attribute.
	 * @see #getMaxSizeRatio()
	 * @generated
	 */
	void setMaxSizeRatio(double value);

} // Goal
