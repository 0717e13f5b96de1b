/**
 */
package org.strata.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Step Result</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.StepResult#getNumber <em>Number</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getTechniqueId <em>Technique Id</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getStatus <em>Status</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getSummary <em>Summary</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getMessage <em>Message</em>}</li>
 *   <li>{@link org.strata.model.StepResult#isLossless <em>Lossless</em>}</li>
 *   <li>{@link org.strata.model.StepResult#isVerified <em>Verified</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getDurationMillis <em>Duration Millis</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getModelBytes <em>Model Bytes</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getNodeCount <em>Node Count</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getNodesAdded <em>Nodes Added</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getNodesRemoved <em>Nodes Removed</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getFingerprint <em>Fingerprint</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getMetrics <em>Metrics</em>}</li>
 *   <li>{@link org.strata.model.StepResult#getAnalyses <em>Analyses</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getStepResult()
 * @model
 * @generated
 */
public interface StepResult extends EObject {
	/**
	 * Returns the value of the '<em><b>Number</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Number</em>' attribute.
	 * @see #setNumber(int)
	 * @see org.strata.model.StrataPackage#getStepResult_Number()
	 * @model
	 * @generated
	 */
	int getNumber();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getNumber <em>Number</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Number</em>' attribute.
	 * @see #getNumber()
	 * @generated
	 */
	void setNumber(int value);

	/**
	 * Returns the value of the '<em><b>Technique Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Technique Id</em>' attribute.
	 * @see #setTechniqueId(String)
	 * @see org.strata.model.StrataPackage#getStepResult_TechniqueId()
	 * @model
	 * @generated
	 */
	String getTechniqueId();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getTechniqueId <em>Technique Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Technique Id</em>' attribute.
	 * @see #getTechniqueId()
	 * @generated
	 */
	void setTechniqueId(String value);

	/**
	 * Returns the value of the '<em><b>Parameters</b></em>' containment reference list.
	 * The list contents are of type {@link org.strata.model.ParameterValue}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parameters</em>' containment reference list.
	 * @see org.strata.model.StrataPackage#getStepResult_Parameters()
	 * @model containment="true"
	 * @generated
	 */
	EList<ParameterValue> getParameters();

	/**
	 * Returns the value of the '<em><b>Status</b></em>' attribute.
	 * The literals are from the enumeration {@link org.strata.model.StepStatus}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Status</em>' attribute.
	 * @see org.strata.model.StepStatus
	 * @see #setStatus(StepStatus)
	 * @see org.strata.model.StrataPackage#getStepResult_Status()
	 * @model
	 * @generated
	 */
	StepStatus getStatus();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getStatus <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Status</em>' attribute.
	 * @see org.strata.model.StepStatus
	 * @see #getStatus()
	 * @generated
	 */
	void setStatus(StepStatus value);

	/**
	 * Returns the value of the '<em><b>Summary</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Summary</em>' attribute.
	 * @see #setSummary(String)
	 * @see org.strata.model.StrataPackage#getStepResult_Summary()
	 * @model
	 * @generated
	 */
	String getSummary();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getSummary <em>Summary</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Summary</em>' attribute.
	 * @see #getSummary()
	 * @generated
	 */
	void setSummary(String value);

	/**
	 * Returns the value of the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Message</em>' attribute.
	 * @see #setMessage(String)
	 * @see org.strata.model.StrataPackage#getStepResult_Message()
	 * @model
	 * @generated
	 */
	String getMessage();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getMessage <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Message</em>' attribute.
	 * @see #getMessage()
	 * @generated
	 */
	void setMessage(String value);

	/**
	 * Returns the value of the '<em><b>Lossless</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Lossless</em>' attribute.
	 * @see #setLossless(boolean)
	 * @see org.strata.model.StrataPackage#getStepResult_Lossless()
	 * @model
	 * @generated
	 */
	boolean isLossless();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#isLossless <em>Lossless</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Lossless</em>' attribute.
	 * @see #isLossless()
	 * @generated
	 */
	void setLossless(boolean value);

	/**
	 * Returns the value of the '<em><b>Verified</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Verified</em>' attribute.
	 * @see #setVerified(boolean)
	 * @see org.strata.model.StrataPackage#getStepResult_Verified()
	 * @model
	 * @generated
	 */
	boolean isVerified();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#isVerified <em>Verified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Verified</em>' attribute.
	 * @see #isVerified()
	 * @generated
	 */
	void setVerified(boolean value);

	/**
	 * Returns the value of the '<em><b>Duration Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Duration Millis</em>' attribute.
	 * @see #setDurationMillis(long)
	 * @see org.strata.model.StrataPackage#getStepResult_DurationMillis()
	 * @model
	 * @generated
	 */
	long getDurationMillis();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getDurationMillis <em>Duration Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Duration Millis</em>' attribute.
	 * @see #getDurationMillis()
	 * @generated
	 */
	void setDurationMillis(long value);

	/**
	 * Returns the value of the '<em><b>Model Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Model Bytes</em>' attribute.
	 * @see #setModelBytes(long)
	 * @see org.strata.model.StrataPackage#getStepResult_ModelBytes()
	 * @model
	 * @generated
	 */
	long getModelBytes();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getModelBytes <em>Model Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model Bytes</em>' attribute.
	 * @see #getModelBytes()
	 * @generated
	 */
	void setModelBytes(long value);

	/**
	 * Returns the value of the '<em><b>Node Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Node Count</em>' attribute.
	 * @see #setNodeCount(int)
	 * @see org.strata.model.StrataPackage#getStepResult_NodeCount()
	 * @model
	 * @generated
	 */
	int getNodeCount();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getNodeCount <em>Node Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Node Count</em>' attribute.
	 * @see #getNodeCount()
	 * @generated
	 */
	void setNodeCount(int value);

	/**
	 * Returns the value of the '<em><b>Nodes Added</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Nodes Added</em>' attribute.
	 * @see #setNodesAdded(int)
	 * @see org.strata.model.StrataPackage#getStepResult_NodesAdded()
	 * @model
	 * @generated
	 */
	int getNodesAdded();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getNodesAdded <em>Nodes Added</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Nodes Added</em>' attribute.
	 * @see #getNodesAdded()
	 * @generated
	 */
	void setNodesAdded(int value);

	/**
	 * Returns the value of the '<em><b>Nodes Removed</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Nodes Removed</em>' attribute.
	 * @see #setNodesRemoved(int)
	 * @see org.strata.model.StrataPackage#getStepResult_NodesRemoved()
	 * @model
	 * @generated
	 */
	int getNodesRemoved();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getNodesRemoved <em>Nodes Removed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Nodes Removed</em>' attribute.
	 * @see #getNodesRemoved()
	 * @generated
	 */
	void setNodesRemoved(int value);

	/**
	 * Returns the value of the '<em><b>Fingerprint</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Fingerprint</em>' attribute.
	 * @see #setFingerprint(String)
	 * @see org.strata.model.StrataPackage#getStepResult_Fingerprint()
	 * @model
	 * @generated
	 */
	String getFingerprint();

	/**
	 * Sets the value of the '{@link org.strata.model.StepResult#getFingerprint <em>Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Fingerprint</em>' attribute.
	 * @see #getFingerprint()
	 * @generated
	 */
	void setFingerprint(String value);

	/**
	 * Returns the value of the '<em><b>Metrics</b></em>' containment reference list.
	 * The list contents are of type {@link org.strata.model.Metric}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Metrics</em>' containment reference list.
	 * @see org.strata.model.StrataPackage#getStepResult_Metrics()
	 * @model containment="true"
	 * @generated
	 */
	EList<Metric> getMetrics();

	/**
	 * Returns the value of the '<em><b>Analyses</b></em>' containment reference list.
	 * The list contents are of type {@link org.strata.model.Analysis}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * What the step measured to decide what to do (block influence, similarity, sensitivity, divergence), drawn in the report.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Analyses</em>' containment reference list.
	 * @see org.strata.model.StrataPackage#getStepResult_Analyses()
	 * @model containment="true"
	 * @generated
	 */
	EList<Analysis> getAnalyses();

} // StepResult
