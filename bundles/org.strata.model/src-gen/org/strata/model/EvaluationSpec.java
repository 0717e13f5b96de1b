/**
 */
package org.strata.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Evaluation Spec</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.EvaluationSpec#getData <em>Data</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getBatch <em>Batch</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getSequenceLengths <em>Sequence Lengths</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getMaxTexts <em>Max Texts</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getRounds <em>Rounds</em>}</li>
 *   <li>{@link org.strata.model.EvaluationSpec#getWarmup <em>Warmup</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getEvaluationSpec()
 * @model
 * @generated
 */
public interface EvaluationSpec extends EObject {
	/**
	 * Returns the value of the '<em><b>Data</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A text file (one text per line, or JSON lines with "text") split into calibration and evaluation parts; empty for the built-in corpus.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Data</em>' attribute.
	 * @see #setData(String)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_Data()
	 * @model
	 * @generated
	 */
	String getData();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getData <em>Data</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Data</em>' attribute.
	 * @see #getData()
	 * @generated
	 */
	void setData(String value);

	/**
	 * Returns the value of the '<em><b>Threads</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Threads</em>' attribute.
	 * @see #setThreads(int)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_Threads()
	 * @model default="1"
	 * @generated
	 */
	int getThreads();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getThreads <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Threads</em>' attribute.
	 * @see #getThreads()
	 * @generated
	 */
	void setThreads(int value);

	/**
	 * Returns the value of the '<em><b>Batch</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Batch</em>' attribute.
	 * @see #setBatch(int)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_Batch()
	 * @model default="1"
	 * @generated
	 */
	int getBatch();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getBatch <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Batch</em>' attribute.
	 * @see #getBatch()
	 * @generated
	 */
	void setBatch(int value);

	/**
	 * Returns the value of the '<em><b>Sequence Lengths</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sequence Lengths</em>' attribute list.
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_SequenceLengths()
	 * @model
	 * @generated
	 */
	EList<Integer> getSequenceLengths();

	/**
	 * Returns the value of the '<em><b>Max Texts</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Texts</em>' attribute.
	 * @see #setMaxTexts(int)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_MaxTexts()
	 * @model default="0"
	 * @generated
	 */
	int getMaxTexts();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getMaxTexts <em>Max Texts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Texts</em>' attribute.
	 * @see #getMaxTexts()
	 * @generated
	 */
	void setMaxTexts(int value);

	/**
	 * Returns the value of the '<em><b>Rounds</b></em>' attribute.
	 * The default value is <code>"20"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Rounds</em>' attribute.
	 * @see #setRounds(int)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_Rounds()
	 * @model default="20"
	 * @generated
	 */
	int getRounds();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getRounds <em>Rounds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Rounds</em>' attribute.
	 * @see #getRounds()
	 * @generated
	 */
	void setRounds(int value);

	/**
	 * Returns the value of the '<em><b>Warmup</b></em>' attribute.
	 * The default value is <code>"3"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Warmup</em>' attribute.
	 * @see #setWarmup(int)
	 * @see org.strata.model.StrataPackage#getEvaluationSpec_Warmup()
	 * @model default="3"
	 * @generated
	 */
	int getWarmup();

	/**
	 * Sets the value of the '{@link org.strata.model.EvaluationSpec#getWarmup <em>Warmup</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Warmup</em>' attribute.
	 * @see #getWarmup()
	 * @generated
	 */
	void setWarmup(int value);

} // EvaluationSpec
