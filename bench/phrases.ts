// Phrase banks for generated resumes: MLOps, ML infra, DevOps and data-science
// candidates, with and without production evidence, plus keyword-padded ones.

export const firstNames = [
  'Aisha', 'Alejandro', 'Amara', 'Anders', 'Ananya', 'Arjun', 'Beatriz', 'Bogdan', 'Camille', 'Chen', 'Chiara',
  'Daniel', 'Dmitri', 'Elena', 'Emeka', 'Fatima', 'Felix', 'Gabriel', 'Hana', 'Hiroshi', 'Ingrid', 'Isabel',
  'Jamal', 'Javier', 'Jing', 'José', 'Julia', 'Kai', 'Karim', 'Katarzyna', 'Kwame', 'Laura', 'Leila', 'Liam',
  'Lucía', 'Łukasz', 'Maya', 'Mehmet', 'Mei', 'Miguel', 'Nadia', 'Niamh', 'Nikhil', 'Noah', 'Olga', 'Omar',
  'Priya', 'Rafael', 'Rania', 'Ravi', 'Renée', 'Rohan', 'Samir', 'Sara', 'Sebastián', 'Siddharth', 'Sofia',
  'Søren', 'Tariq', 'Thandiwe', 'Tomás', 'Uma', 'Valentina', 'Vikram', 'Wei', 'Yara', 'Yusuf', 'Zoë', 'Zhang',
];

export const lastNames = [
  'Abara', 'Adeyemi', 'Almeida', 'Andersson', 'Bauer', 'Bernard', 'Bhatt', 'Castillo', 'Chatterjee', 'Chowdhury',
  'Costa', 'Dąbrowski', 'Dubois', 'Eriksen', 'Fernández', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hoffmann',
  'Ivanova', 'Jensen', 'Kapoor', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Li', 'Liu', 'López', 'Mahmoud', 'Martin',
  'Mendes', 'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', "O'Brien", 'Olsen', 'Patel', 'Petrov', 'Popescu',
  'Quinn', 'Rahman', 'Reddy', 'Rossi', 'Sato', 'Schmidt', 'Shah', 'Silva', 'Singh', 'Sørensen', 'Suzuki',
  'Tanaka', 'Thompson', 'Torres', 'Van der Berg', 'Wang', 'Weber', 'Wójcik', 'Yamamoto', 'Yilmaz', 'Zhou',
];

export const locations = [
  'San Francisco, CA', 'Seattle, WA', 'New York, NY', 'Austin, TX', 'Boston, MA', 'Denver, CO', 'Chicago, IL',
  'Reston, VA', 'Bellevue, WA', 'Atlanta, GA', 'Toronto, ON', 'Vancouver, BC', 'London, UK', 'Berlin, Germany',
  'Munich, Germany', 'Amsterdam, Netherlands', 'Paris, France', 'Dublin, Ireland', 'Zurich, Switzerland',
  'Stockholm, Sweden', 'Warsaw, Poland', 'Lisbon, Portugal', 'Madrid, Spain', 'Bangalore, India', 'Pune, India',
  'Hyderabad, India', 'Singapore', 'Tokyo, Japan', 'Sydney, Australia', 'Remote (US)', 'Remote — EU',
];

export const employers = [
  'Stripe', 'Shopify', 'Datadog', 'Snowflake', 'Databricks', 'Airbnb', 'Lyft', 'Uber', 'Spotify', 'Zalando',
  'Booking.com', 'Adyen', 'Klarna', 'Revolut', 'Monzo', 'N26', 'Instacart', 'DoorDash', 'Pinterest', 'Etsy',
  'Wayfair', 'Capital One', 'JPMorgan Chase', 'Goldman Sachs', 'Bloomberg', 'Two Sigma', 'Citadel',
  'Accenture', 'Deloitte', 'Infosys', 'Tata Consultancy Services', 'Wipro', 'Thoughtworks', 'EPAM Systems',
  'Siemens', 'Bosch', 'SAP', 'Philips', 'Ericsson', 'Nokia', 'Rakuten', 'Grab', 'Atlassian', 'Canva',
  'Hugging Face', 'Scale AI', 'Weights & Biases', 'Anyscale', 'Cohere', 'Mistral AI', 'Nvidia', 'Intel',
  'Acme Analytics', 'Northwind Health', 'Contoso Retail', 'Globex Logistics', 'Initech', 'Umbrella Insurance',
];

export const titlesByTrack: Record<string, readonly string[]> = {
  platform: ['ML Platform Engineer', 'Senior ML Platform Engineer', 'Staff ML Platform Engineer', 'MLOps Engineer', 'Senior MLOps Engineer'],
  infra: ['ML Infrastructure Engineer', 'Senior ML Infrastructure Engineer', 'GPU Infrastructure Engineer', 'Staff Software Engineer, ML Infra'],
  applied: ['Machine Learning Engineer', 'Senior Machine Learning Engineer', 'Applied ML Engineer', 'MLOps Engineer'],
  devops: ['DevOps Engineer', 'Senior DevOps Engineer', 'Site Reliability Engineer', 'Platform Engineer', 'Cloud Engineer'],
  ds: ['Data Scientist', 'Senior Data Scientist', 'Machine Learning Scientist', 'Research Scientist', 'Data Analyst'],
};

export const juniorTitles = ['Software Engineer', 'Junior Data Scientist', 'Systems Administrator', 'Data Engineer', 'Intern, Machine Learning', 'Graduate Engineer'];

export const toolNames = [
  'Kubernetes', 'Kubeflow', 'Kubeflow Pipelines', 'KServe', 'Katib', 'Argo Workflows', 'Argo CD', 'Airflow',
  'Prefect', 'Dagster', 'Flyte', 'Ray', 'Helm', 'Docker', 'Seldon Core', 'Triton Inference Server', 'TorchServe',
  'BentoML', 'vLLM', 'FastAPI', 'ONNX', 'TensorRT', 'MLflow', 'Weights & Biases', 'DVC', 'Prometheus', 'Grafana',
  'Evidently', 'Arize', 'Datadog', 'OpenTelemetry', 'CloudWatch', 'ELK', 'SageMaker', 'Vertex AI', 'Azure ML',
  'Bedrock', 'AWS', 'GCP', 'Azure', 'EKS', 'GKE', 'AKS', 'Terraform', 'Pulumi', 'Ansible', 'CloudFormation',
  'GitHub Actions', 'Jenkins', 'GitLab CI', 'CircleCI', 'Spark', 'Kafka', 'Flink', 'Snowflake', 'Databricks',
  'Feast', 'Great Expectations', 'dbt', 'BigQuery', 'Redis', 'PostgreSQL', 'Pinecone', 'PyTorch', 'TensorFlow',
  'Keras', 'scikit-learn', 'XGBoost', 'Hugging Face', 'LangChain', 'LlamaIndex', 'OpenAI API', 'Jupyter',
  'Kaggle', 'Python', 'Go', 'Rust', 'Java', 'Scala', 'Bash', 'SQL', 'Linux', 'Git',
];

export const toolsByTrack: Record<string, readonly string[]> = {
  platform: ['Kubernetes', 'Kubeflow Pipelines', 'KServe', 'MLflow', 'Argo CD', 'Terraform', 'Helm', 'Feast', 'Airflow', 'Prometheus', 'Grafana', 'EKS', 'Ray'],
  infra: ['Kubernetes', 'Triton Inference Server', 'vLLM', 'TensorRT', 'Ray', 'Terraform', 'GKE', 'Prometheus', 'OpenTelemetry', 'Go', 'Kafka'],
  applied: ['SageMaker', 'MLflow', 'Airflow', 'Docker', 'FastAPI', 'PyTorch', 'XGBoost', 'Evidently', 'Great Expectations', 'DVC', 'GitHub Actions'],
  devops: ['Kubernetes', 'Terraform', 'Ansible', 'Jenkins', 'GitLab CI', 'Helm', 'Prometheus', 'Grafana', 'AWS', 'Datadog', 'ELK', 'Argo CD'],
  ds: ['Python', 'Jupyter', 'scikit-learn', 'PyTorch', 'TensorFlow', 'Pandas', 'SQL', 'Kaggle', 'Spark', 'Hugging Face', 'XGBoost'],
};

/** Bullets with concrete production evidence; {tool} and {tool2} are filled from the candidate's stack. */
export const evidenceBullets = [
  'Deployed {n} models to production on {tool} serving {rps} requests per second at p99 latency under {ms} ms.',
  'Built and operated the {tool} model registry and promotion workflow used by {teams} teams; cut release lead time from {days} days to {hours} hours.',
  'Owned on-call for the inference platform ({tool}, {tool2}); authored {k} postmortems and drove the fixes to closure.',
  'Migrated batch scoring from cron jobs to {tool} pipelines; {n} pipelines in production with automated retraining on drift alerts.',
  'Designed canary and shadow deployments for models on {tool}; rolled back two regressions before customer impact.',
  'Reduced GPU spend by {pct}% by bin-packing inference pods on {tool} and autoscaling on queue depth.',
  'Instrumented model monitoring with {tool} and {tool2}: feature drift, prediction skew and latency SLOs with paging alerts.',
  'Served an LLM with {tool} on {gpus} GPUs behind {tool2}; sustained {rps} tokens per second with continuous batching.',
  'Wrote the Terraform modules and {tool} charts for the ML platform, provisioning {n} environments across three regions.',
  'Led incident response for a feature-store outage ({tool}); restored service in {mins} minutes and published the postmortem.',
  'Shipped a real-time fraud model to production on {tool}; {pct}% fewer chargebacks in the first quarter.',
  'Built CI/CD for models with {tool}: unit, data and shadow tests gate every release; {n} releases per week.',
];

/** Bullets that mention tools without evidence of shipping anything. */
export const weakBullets = [
  'Familiar with {tool} and {tool2}.',
  'Completed an online course on {tool} and built a demo notebook.',
  'Experimented with {tool} for model tracking in a proof of concept.',
  'Exposure to {tool}, {tool2} and cloud-native MLOps best practices.',
  'Trained models in Jupyter notebooks and shared results with stakeholders.',
  'Participated in team meetings about adopting {tool}.',
  'Assisted senior engineers with {tool} configuration.',
  'Knowledge of CI/CD, containerization and {tool}.',
  'Researched state-of-the-art approaches and presented findings in reading groups.',
  'Analysed datasets with pandas and visualised results in dashboards.',
  'Responsible for various data science tasks using {tool}.',
  'Worked on a Kaggle competition using {tool} (top 30%).',
];

export const devopsBullets = [
  'Managed {n} Kubernetes clusters with {tool} and GitOps; 99.95% availability over two years.',
  'Automated infrastructure provisioning with Terraform and {tool}, replacing manual runbooks.',
  'Built CI pipelines in {tool} for {n} services; cut build times by {pct}%.',
  'Ran the on-call rotation for the payments platform and wrote incident reviews.',
  'Hardened container images and rolled out {tool} policy checks across the organisation.',
  'Set up centralised logging with {tool2} and metrics with {tool}.',
];

export const summaries = [
  'MLOps engineer with {years} years building and running ML platforms in production.',
  'Machine learning engineer who takes models from notebook to production and keeps them healthy.',
  'Infrastructure engineer focused on GPU serving, reliability and cost.',
  'DevOps engineer moving into MLOps; strong Kubernetes and Terraform background.',
  'Data scientist passionate about AI, deep learning, LLMs, MLOps, cloud and big data.',
  'Results-driven professional with expertise in AI/ML, DevOps, cloud, data engineering and generative AI.',
  'Platform engineer who builds paved roads for ML teams: training, registry, serving and monitoring.',
];

export const degrees = [
  'B.Sc. Computer Science', 'M.Sc. Computer Science', 'M.Sc. Machine Learning', 'B.Eng. Electrical Engineering',
  'Ph.D. Statistics', 'M.S. Data Science', 'B.Tech. Information Technology', 'B.Sc. Mathematics', 'M.Eng. Software Engineering',
];

export const universities = [
  'University of Washington', 'Carnegie Mellon University', 'TU München', 'ETH Zürich', 'University of Toronto',
  'IIT Bombay', 'IIT Madras', 'University of Cambridge', 'Imperial College London', 'KTH Royal Institute of Technology',
  'Universidad Politécnica de Madrid', 'University of Warsaw', 'National University of Singapore', 'UT Austin', 'Georgia Tech',
];

export const certifications = [
  'AWS Certified Machine Learning – Specialty', 'Certified Kubernetes Administrator (CKA)', 'Google Professional ML Engineer',
  'HashiCorp Certified: Terraform Associate', 'Azure AI Engineer Associate', 'Databricks Certified ML Professional',
  'Coursera: MLOps Specialization', 'DeepLearning.AI TensorFlow Developer',
];

export const projects = [
  'Open-source contributor to {tool}: fixed {n} issues in the scheduler and the Helm chart.',
  'Personal project: sentiment analysis on tweets with {tool} (GitHub, 40 stars).',
  'Built a home-lab Kubernetes cluster running {tool} to serve a small LLM.',
  'Capstone: churn prediction with {tool} and a Streamlit dashboard.',
  'Maintainer of a {tool} plugin used by a few hundred teams.',
];

export const publications = [
  '"Efficient Serving of Mixture-of-Experts Models", workshop paper, {year}.',
  '"Drift Detection in Tabular Pipelines at Scale", industry talk, {year}.',
  '"A Study of Contrastive Pretraining for Time Series", arXiv preprint, {year}.',
  '"Lessons from Running Feature Stores in Production", conference talk, {year}.',
];

export const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthsLong = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
