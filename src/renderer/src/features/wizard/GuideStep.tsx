import { AppPasswordGuidePanel } from '../verify/AppPasswordGuidePanel';
import { StepActions } from './StepActions';

interface Props {
  providerId: string;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: how to create the app password at this provider, with its page one click away. */
export function GuideStep({ providerId, onBack, onNext }: Props) {
  return (
    <>
      <AppPasswordGuidePanel providerId={providerId} />
      <StepActions onBack={onBack} onNext={onNext} />
    </>
  );
}
