// The page loads one language's strings before it shows them; modules under test get both.
import { loadMessages } from '../../../src/content/messages';

await Promise.all([loadMessages('zh'), loadMessages('en')]);
